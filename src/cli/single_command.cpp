#include "hedgecalc/single_command.hpp"

#include <algorithm>
#include <exception>
#include <sstream>
#include <thread>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/plot.hpp"
#include "hedgecalc/resample.hpp"
#include "hedgecalc/sparkline.hpp"
#include "hedgecalc/thresholds.hpp"
#include "hedgecalc/date_range.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/kalman_options.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/cost_options.hpp"
#include "hedgecalc/estimator_options.hpp"
#include "hedgecalc/risk_options.hpp"
#include "hedgecalc/stability_options.hpp"
#include "hedgecalc/window_options.hpp"
#include "hedgecalc/number_format.hpp"
#include "hedgecalc/timestamp.hpp"
#include "hedgecalc/option_checks.hpp"
#include "hedgecalc/reporter.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/series_spec.hpp"

namespace hedgecalc {

CsvOptions csv_options_from(const SingleOptions& options) {
  ReadingText text;
  if (options.headerless) text.headerless = true;
  auto given = [](const std::string& value) {
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
  };
  text.delimiter = given(options.delimiter);
  text.thousands = given(options.thousands);
  text.decimal = given(options.decimal);
  text.date_col = given(options.date_col);
  text.date_format = given(options.date_format);
  return apply_reading_text(CsvOptions{}, text, [](const std::string& name, const std::string& value) {
    return "--" + name + " " + value;
  });
}

namespace {

// "-" or "-:COLUMN": the series comes from standard input.
bool is_stdin_argument(const std::string& argument) {
  return argument == "-" || argument.rfind("-:", 0) == 0 || argument.rfind("-@", 0) == 0;
}

void check_arguments(const SingleOptions& options) {
  if (options.series.size() < 2) {
    throw UsageError("expected TARGET and at least one PROXY (see hedgecalc --help)");
  }
  if (options.per_date && options.series.size() > 2) {
    throw UsageError("--series prints one proxy's ratio per date: give one PROXY, not a basket");
  }
  size_t stdin_count = 0;
  for (const std::string& s : options.series) stdin_count += is_stdin_argument(s);
  if (stdin_count > 1) throw UsageError("standard input (-) can be read only once per command");
}

}  // namespace

AnalysisOptions analysis_options_from(const SingleOptions& options) {
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw UsageError("--confidence must be between 0 and 1 (exclusive)");
  }
  AnalysisOptions analysis;
  analysis.kind = parse_return_kind(options.returns);
  if (!options.frequency.empty() && analysis.kind == ReturnKind::kNone) {
    throw UsageError("--frequency needs prices, not --returns none: the last return of a period "
                     "is not the period's return; give price files, or compound the returns first");
  }
  analysis.hedge.confidence = options.confidence;
  analysis.window = window_from(options);
  analysis.rebalance = options.rebalance;
  analysis.hedge.intercept = !options.no_intercept;
  analysis.hedge.hac = options.se == "hac";
  if (options.se != "classical" && options.se != "hac") {
    throw UsageError("--se " + options.se + ": expected classical or hac");
  }
  if (options.hac_lags >= 0 && !analysis.hedge.hac) {
    throw UsageError("--hac-lags needs --se hac");
  }
  analysis.hedge.hac_lags = options.hac_lags;
  if (options.align != "inner" && options.align != "asof") {
    throw UsageError("--align " + options.align + ": expected inner or asof");
  }
  analysis.asof = options.align == "asof";
  // Returns cannot be thinned or carried forward like prices: the last daily return of
  // a week is not the week's return, and an as-of match would count a return twice.
  if (analysis.asof && analysis.kind == ReturnKind::kNone) {
    throw UsageError("--align asof needs prices, not --returns none: a stale return would be "
                     "counted again; align the price files, or use --align inner");
  }
  if (!options.max_gap.empty()) {
    if (!analysis.asof) throw UsageError("--max-gap needs --align asof");
    const auto gap = parse_duration(options.max_gap);
    if (!gap) {
      throw UsageError("--max-gap " + options.max_gap + ": expected a duration such as 90s, "
                       "15m, 2h or 3d");
    }
    analysis.max_gap = *gap;
  }
  analysis.horizon = options.horizon;
  analysis.horizons = options.horizons;
  analysis.sizing.exposure = options.exposure;
  analysis.sizing.proxy_prices = options.proxy_price;
  analysis.sizing.contract_sizes = options.contract_size;
  if (std::isnan(options.exposure) &&
      (!options.proxy_price.empty() || !options.contract_size.empty())) {
    throw UsageError("--proxy-price and --contract-size size a hedge: add --exposure X");
  }
  const bool ewma_given = !std::isnan(options.ewma), halflife_given = !std::isnan(options.halflife);
  if (ewma_given && halflife_given) throw UsageError("give --ewma or --halflife, not both");
  if (ewma_given) analysis.ewma_lambda = options.ewma;
  if (halflife_given) analysis.ewma_lambda = lambda_from_halflife(options.halflife);
  if (analysis.ewma_lambda && *analysis.ewma_lambda < kSmallestEwmaLambda) {
    throw UsageError(std::string(ewma_given ? "--ewma" : "--halflife") +
                     ": a decay below 1e-6 (a half-life under 0.05 periods) weighs only the "
                     "last return, so no ratio can be estimated; use a larger value");
  }
  analysis.stability = stability_options_from(options);
  analysis.kalman = options.kalman;
  analysis.compare = options.compare;
  analysis.kalman_variances = kalman_variances_from(options, analysis.hedge.intercept);
  apply_cost_options(options, analysis);
  apply_risk_options(options, analysis);
  apply_estimator_options(options, analysis);
  if (options.plot_kind == "value") {
    if (options.plot.empty()) throw UsageError("--plot-kind says what --plot FILE.svg draws: add --plot");
    if (analysis.rebalance == 0) {
      throw UsageError("--plot-kind value draws the backtest's value: add --rebalance K and an estimator");
    }
  } else if (!options.plot.empty() && !analysis.window.active() && !analysis.ewma_lambda &&
      !analysis.kalman) {
    throw UsageError(
        "--plot draws the rolling, EWMA or Kalman ratio: add --window W, --ewma LAMBDA or --kalman");
  }
  return analysis;
}

Thresholds thresholds_from(const SingleOptions& options) {
  Thresholds thresholds;
  if (!std::isnan(options.max_break_p)) thresholds.max_break_p = options.max_break_p;
  if (!std::isnan(options.min_correlation)) thresholds.min_correlation = options.min_correlation;
  if (!std::isnan(options.min_effectiveness)) {
    thresholds.min_effectiveness = options.min_effectiveness;
  }
  return thresholds;
}

void prepare_series(PriceSeries& series, const DateRange& range, const SingleOptions& options,
                    ReturnKind kind) {
  restrict_to_range(series, range);
  if (!options.frequency.empty()) resample_last(series, parse_frequency(options.frequency));
  require_positive_prices(series, kind);
}

namespace {

// The table shows the shape of the rolling ratio and correlation at a glance.
void add_sparklines(Value& record, const Analysis& analysis) {
  if (!analysis.rolling) return;
  constexpr size_t kWidth = 60;  // after the 18-column label: 78 columns
  Value lines = Value::object();
  lines.add("hedge_ratio", Value::string(sparkline(analysis.rolling->hedge_ratio, kWidth)))
      .add("correlation", Value::string(sparkline(analysis.rolling->correlation, kWidth)));
  Value& rolling = record.field("rolling");
  rolling.add("sparklines", std::move(lines));
}

}  // namespace

void setup_single(CLI::App& app, SingleOptions& options) {
  app.add_option("series", options.series,
                 "TARGET then one or more PROXY series, each PATH[:COLUMN][@OPTION=VALUE...] ('-' is stdin)");
  add_analysis_options(app, options);
}

void add_analysis_options(CLI::App& app, SingleOptions& options) {
  add_output_options(app, options);
  add_return_options(app, options);
  add_estimate_options(app, options);
  add_window_options(app, options);
  add_kalman_options(app, options);
  add_stability_options(app, options);
  add_cost_options(app, options);
  add_risk_options(app, options);
  add_estimator_options(app, options);
  add_reading_options(app, options);
}

void add_output_options(CLI::App& app, SingleOptions& options) {
  app.add_option("--format", options.format, "Output: table, csv, tsv, json, ndjson")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "ndjson"}))
      ->capture_default_str();
  app.add_flag("--no-header", options.no_header, "csv/tsv: leave out the header row");
  app.add_option("--output", options.output,
                 "Write results to FILE (through a temporary file renamed into place when the "
                 "command succeeds)");
  app.add_option("--precision", options.precision, "Significant digits in the table")
      ->check(CLI::Range(1, 17))
      ->capture_default_str();
}

void add_return_options(CLI::App& app, SingleOptions& options) {
  app.add_option("--returns", options.returns, "simple, log, diff, or none (columns hold returns)")
      ->check(CLI::IsMember({"simple", "log", "diff", "none"}))
      ->capture_default_str();
  app.add_option("--from", options.from, "First date to use (inclusive)");
  app.add_option("--to", options.to, "Last date to use (inclusive; a date keeps the whole day)");
  app.add_option("--frequency", options.frequency,
                 "Keep the last price of each period: daily, weekly (ISO), monthly")
      ->check(CLI::IsMember({"daily", "weekly", "monthly"}));
}

void add_estimate_options(CLI::App& app, SingleOptions& options) {
  app.add_option("--confidence", options.confidence, "Level of the hedge ratio's t-interval")
      ->check(open_unit_interval())
      ->capture_default_str();
  app.add_option("--ewma", options.ewma, "EWMA decay LAMBDA in (0,1), as pandas ewm(alpha=1-LAMBDA)")
      ->check(open_unit_interval());
  app.add_option("--halflife", options.halflife, "EWMA half-life H periods (instead of --ewma)")
      ->check(positive_number());
  app.add_flag("--series", options.per_date, "One row per return date instead of a summary");
  app.add_option("--rebalance", options.rebalance,
                 "Out-of-sample backtest re-estimating every K returns (of --window, else "
                 "--ewma, else --kalman)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40));
  app.add_flag("--compare", options.compare,
               "With --rebalance K: rank naive, static, expanding, rolling, EWMA and Kalman "
               "hedges by out-of-sample effectiveness on the same dates");
  app.add_option("--min-correlation", options.min_correlation,
                 "Exit 3 when the latest correlation is below X")
      ->check(finite_number());
  app.add_option("--min-effectiveness", options.min_effectiveness,
                 "Exit 3 when the latest effectiveness is below X")
      ->check(finite_number());
  app.add_option("--plot", options.plot,
                 "Write an SVG chart of the rolling/EWMA ratio and correlation to FILE");
  app.add_option("--plot-kind", options.plot_kind,
                 "ratio (the ratios and correlation), or value (what 1 unhedged, hedged and "
                 "hedged net of cost grew to in the --rebalance backtest)")
      ->check(CLI::IsMember({"ratio", "value"}))
      ->capture_default_str();
  app.add_flag("--no-intercept", options.no_intercept,
               "Regress without an intercept (R squared is then uncentred)");
  app.add_option("--se", options.se, "Standard errors: classical or hac (Newey-West)")
      ->check(CLI::IsMember({"classical", "hac"}))
      ->capture_default_str();
  app.add_option("--hac-lags", options.hac_lags,
                 "Newey-West lags (default floor(4 (n/100)^(2/9)))")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--align", options.align,
                 "inner (same timestamps) or asof (latest proxy price at or before)")
      ->check(CLI::IsMember({"inner", "asof"}))
      ->capture_default_str();
  app.add_option("--max-gap", options.max_gap,
                 "asof: oldest proxy price to accept, e.g. 90s, 15m, 2h, 3d");
  app.add_option("--horizons", options.horizons,
                 "One fit per K on non-overlapping K-period returns, e.g. 1,5,21 (adds horizons)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->delimiter(',')
      ->allow_extra_args(false);  // one (comma-separated) value; the rest are series
  app.add_option("--horizon", options.horizon, "K-period non-overlapping returns")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  app.add_option("--exposure", options.exposure,
                 "Value of the target position (units for --returns diff): adds sizing")
      ->check(finite_number());
  app.add_option("--proxy-price", options.proxy_price,
                 "Proxy price for sizing (default: last aligned); one, or one per proxy")
      ->check(positive_number())
      ->delimiter(',')
      ->allow_extra_args(false);  // one (comma-separated) value; the rest are series
  app.add_option("--contract-size", options.contract_size,
                 "Proxy units per contract (default 1); one, or one per proxy")
      ->check(positive_number())
      ->delimiter(',')
      ->allow_extra_args(false);  // one (comma-separated) value; the rest are series
}

void add_reading_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--headerless", options.headerless,
               "The files have no header; columns are named by number");
  app.add_option("--delimiter", options.delimiter,
                 "Field delimiter (default: detected among , ; TAB |); also comma, semicolon, tab, pipe");
  app.add_option("--thousands", options.thousands,
                 "Grouping separator inside numbers, e.g. , for \"42,261.60\" (never guessed); also comma, dot, space, apostrophe, underscore");
  app.add_option("--decimal", options.decimal, "Decimal mark: . (default) or , (never guessed); also dot, comma");
  app.add_option("--date-col", options.date_col, "Date column, by name or 1-based number");
  app.add_option("--date-format", options.date_format,
                 "strptime-style date format: %Y %y %m %d %b %H %M %S");
}

CommandResult run_single(const SingleOptions& options, FileSystem& files) {
  check_arguments(options);
  const CsvOptions csv = csv_options_from(options);
  AnalysisOptions analysis_options = analysis_options_from(options);
  const ReturnKind kind = analysis_options.kind;
  const OutputFormat format = parse_output_format(options.format);
  const DateRange range = parse_date_range(options.from, options.to);
  const Thresholds thresholds = thresholds_from(options);

  // Files load in parallel (a target and a proxy of millions of bars each); the first
  // error in argument order is the one reported.
  const size_t count = options.series.size();
  std::vector<PriceSeries> series(count);
  std::vector<std::exception_ptr> failures(count);
  auto load = [&](size_t i) {
    try {
      const SeriesSpec spec = parse_series_spec(options.series[i], files);
      const CsvOptions own = series_csv_options(csv, spec.reading, options.series[i]);
      const FileContents contents = files.read(spec.path);
      series[i] = parse_unchanged(contents, spec.path, [&](std::string_view bytes) {
        return load_series(bytes, spec.path, spec.column, own);
      });
      prepare_series(series[i], range, options, kind);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  const bool from_stdin =
      std::any_of(options.series.begin(), options.series.end(), is_stdin_argument);
  std::vector<std::thread> loaders;
  for (size_t i = 1; i < count && !from_stdin; ++i) loaders.emplace_back(load, i);
  load(0);
  for (size_t i = 1; i < count && from_stdin; ++i) load(i);
  for (std::thread& t : loaders) t.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }

  std::optional<PriceSeries> carry;
  if (!options.carry_series.empty()) {
    carry = load_carry_series(options.carry_series, files, csv);
    analysis_options.costs.carry_series = &*carry;
  }
  std::vector<const PriceSeries*> pointers;
  for (const PriceSeries& s : series) pointers.push_back(&s);
  const Analysis analysis = analyse(pointers, analysis_options);

  CommandResult result;
  std::ostringstream out;
  ReportOptions report;
  report.header = !options.no_header;
  report.precision = options.precision;
  auto reporter = make_reporter(format, out, report);
  if (options.per_date) {
    reporter->write_rows(series_records(analysis));
  } else {
    Value record = analysis_record(analysis);
    if (format == OutputFormat::kTable) add_sparklines(record, analysis);
    reporter->write(record);
  }
  reporter->finish();
  result.out = out.str();
  for (const std::string& warning : analysis.full.warnings) {
    result.err += "hedgecalc: warning: " + warning + "\n";
  }

  if (!options.plot.empty()) {
    files.write(options.plot, options.plot_kind == "value" ? render_value_plot(analysis)
                                                           : render_plot(analysis));
  }
  for (const std::string& message : unmet_thresholds(analysis, thresholds)) {
    result.err += "hedgecalc: threshold not met: " + message + "\n";
    result.exit_code = static_cast<int>(ExitCode::kThresholdNotMet);
  }
  return result;
}

}  // namespace hedgecalc
