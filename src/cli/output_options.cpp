// Output: the format, the file and the table's digits, --series and --plot.

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {
constexpr const char* kGroup = "Output";
}  // namespace

void add_output_options(CLI::App& app, SingleOptions& options) {
  add_choice<OutputFormat>(app, "--format", options.format,
                           {{"table", OutputFormat::kTable},
                            {"csv", OutputFormat::kCsv},
                            {"tsv", OutputFormat::kTsv},
                            {"json", OutputFormat::kJson},
                            {"ndjson", OutputFormat::kNdjson}},
                           "Output: table, csv, tsv, json, ndjson")
      ->group(kGroup);
  app.add_flag("--no-header", options.no_header, "csv/tsv: leave out the header row")->group(kGroup);
  app.add_option("--output", options.output,
                 "Write results to FILE (through a temporary file renamed into place when the "
                 "command succeeds)")
      ->type_name("FILE")
      ->group(kGroup);
  app.add_option("--precision", options.precision, "Significant digits in the table")
      ->check(whole_number(1, 17))
      ->type_name("P")
      ->capture_default_str()
      ->group(kGroup);
}

void add_analysis_output_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--series", options.per_date, "One row per return date instead of a summary")
      ->group(kGroup);
  app.add_option("--plot", options.plot,
                 "Write an SVG chart of the rolling/EWMA ratio and correlation to FILE")
      ->type_name("FILE")
      ->group(kGroup);
  add_choice<PlotKind>(app, "--plot-kind", options.plot_kind,
                       {{"ratio", PlotKind::kRatio}, {"value", PlotKind::kValue}},
                       "ratio (the ratios and correlation), or value (what 1 unhedged, hedged and "
                       "hedged net of cost grew to in the --rebalance backtest)")
      ->group(kGroup);
}

void validate_output(const SingleOptions& options) {
  const AnalysisOptions& analysis = options.analysis;
  if (options.plot_kind == PlotKind::kValue) {
    if (options.plot.empty()) throw UsageError("--plot-kind says what --plot FILE.svg draws: add --plot");
    if (analysis.rebalance == 0) {
      throw UsageError("--plot-kind value draws the backtest's value: add --rebalance K and an estimator");
    }
  } else if (!options.plot.empty() && !analysis.window.active() && !analysis.ewma_lambda &&
             !analysis.kalman && !analysis.dcc) {
    throw UsageError("--plot draws the rolling, EWMA, Kalman or DCC ratio: add --window W, --ewma "
                     "LAMBDA, --kalman or --dcc");
  }
}

}  // namespace hedgecalc
