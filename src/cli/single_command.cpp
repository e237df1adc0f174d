#include "single_command.hpp"

#include <algorithm>
#include <sstream>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/analysis_table.hpp"
#include "cost_options.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/plot.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/reporter.hpp"
#include "hedgecalc/series_spec.hpp"

namespace hedgecalc {

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
  // Standard input is read once: several series from it must be distinct named columns.
  std::vector<std::string> stdin_columns;
  for (const std::string& s : options.series) {
    if (!is_stdin_argument(s)) continue;
    const std::string base = split_reading_suffix(s).base;
    const std::string column = base.size() > 2 ? base.substr(2) : "";
    if (!stdin_columns.empty() &&
        (column.empty() || stdin_columns.front().empty() ||
         std::find(stdin_columns.begin(), stdin_columns.end(), column) != stdin_columns.end())) {
      throw UsageError("standard input (-) is read once: name a different column for each of its "
                       "series (-:A -:B)");
    }
    stdin_columns.push_back(column);
  }
}

// Files load side by side (a target and a proxy of millions of bars each); the first
// error in argument order is the one reported. Standard input is read in order.
std::vector<PriceSeries> load_all_series(const SingleOptions& options, FileSystem& files,
                                         const Executor& executor) {
  std::vector<PriceSeries> series(options.series.size());
  const auto stdin_count =
      std::count_if(options.series.begin(), options.series.end(), is_stdin_argument);
  // Standard input is read once, however many of its columns are named (-:A -:B); its
  // memory is then kept whole for each of them.
  std::optional<FileContents> standard_input;
  auto load = [&](size_t i) {
    const SeriesSpec spec = parse_series_spec(options.series[i], files);
    const CsvOptions own = series_csv_options(options.csv, spec.reading, options.series[i]);
    const bool shared = spec.path == "-" && stdin_count > 1;
    if (shared && !standard_input) standard_input = files.read(spec.path);
    FileContents read_here = shared ? FileContents() : files.read(spec.path);
    FileContents& contents = shared ? *standard_input : read_here;
    series[i] = parse_unchanged(contents, spec.path, [&](std::string_view bytes) {
      return load_series(bytes, spec.path, spec.column, own,
                         shared ? ReleaseBytes() : release_behind(contents));
    });
    prepare_series(series[i], options);
  };
  const bool from_stdin = stdin_count > 0;
  (from_stdin ? Executor(1) : executor).for_each(series.size(), load);
  return series;
}

std::string report(const SingleOptions& options, const Analysis& analysis) {
  std::ostringstream out;
  if (options.format == OutputFormat::kTable && !options.per_date) {
    write_analysis_table(out, analysis, options.precision);
    return out.str();
  }
  ReportOptions report;
  report.header = !options.no_header;
  report.precision = options.precision;
  auto reporter = make_reporter(options.format, out, report);
  if (options.per_date) {
    reporter->write_rows(series_records(analysis));
  } else {
    reporter->write(analysis_record(analysis));
  }
  reporter->finish();
  return out.str();
}

}  // namespace

void setup_single(CLI::App& app, SingleOptions& options) {
  app.add_option("series", options.series,
                 "TARGET then one or more PROXY series, each PATH[:COLUMN][@OPTION=VALUE...] ('-' is stdin)")
      ->type_name("SERIES");
  add_analysis_options(app, options);
}

void setup_monitor(CLI::App& command, SingleOptions& options) {
  setup_single(command, options);
  add_monitor_options(command, options);
  add_follow_options(command, options);
  options.monitor = true;
}

void validate_single_command(SingleOptions& options) {
  check_arguments(options);
  validate_single(options, options.series.size() - 1);
}

CommandResult run_single(const SingleOptions& options, FileSystem& files) {
  const Executor executor(options.jobs);
  const std::vector<PriceSeries> series = load_all_series(options, files, executor);
  AnalysisOptions analysis_options = options.analysis;
  std::optional<PriceSeries> carry;
  if (options.carry_series) {
    carry = load_carry_series(*options.carry_series, files, options.csv);
    analysis_options.costs.carry_series = &*carry;
  }
  std::vector<const PriceSeries*> pointers;
  for (const PriceSeries& s : series) pointers.push_back(&s);
  const Analysis analysis = analyse(pointers, analysis_options, executor);

  CommandResult result;
  result.out = report(options, analysis);
  for (const std::string& warning : analysis.full.warnings) {
    result.err += "hedgecalc: warning: " + warning + "\n";
  }
  if (!options.plot.empty()) {
    files.write(options.plot, options.plot_kind == PlotKind::kValue ? render_value_plot(analysis)
                                                                    : render_plot(analysis));
  }
  for (const std::string& message : unmet_thresholds(analysis, options.thresholds)) {
    result.err += "hedgecalc: threshold not met: " + message + "\n";
    result.exit_code = static_cast<int>(ExitCode::kThresholdNotMet);
  }
  return result;
}

SingleOptions parse_single_options(std::vector<std::string> args) {
  CLI::App app;
  SingleOptions options;
  setup_single(app, options);
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  app.parse(args);
  validate_single_command(options);
  return options;
}

}  // namespace hedgecalc
