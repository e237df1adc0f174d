#pragma once
// The options of the analysis commands (single, batch, matrix) as one typed model.
// CLI11 binds the command line to it, straight into `analysis` wherever a value needs
// no combining with another; validate_single() then checks every rule between options,
// once, before any file is read, and completes what is derived (the CSV options, the
// date range, the Kalman variances, ...). Each option family lives in its own file
// (cost_options.cpp, risk_options.cpp, ...) with its bindings and its rules, and each
// is one section of --help.

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hedgecalc/analysis_options.hpp"
#include "hedgecalc/date_range.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/reporter.hpp"
#include "hedgecalc/resample.hpp"
#include "hedgecalc/thresholds.hpp"

namespace hedgecalc {

/// What --plot draws.
enum class PlotKind { kRatio, kValue };

/// Every option of an analysis command.
struct SingleOptions {
  std::vector<std::string> series;  ///< TARGET then PROXY...

  // Output.
  OutputFormat format = OutputFormat::kTable;
  bool no_header = false;
  std::string output;     ///< --output FILE ("": standard output)
  int precision = 4;      ///< significant digits of the table
  bool per_date = false;  ///< --series
  std::string plot;       ///< --plot FILE.svg ("": none)
  PlotKind plot_kind = PlotKind::kRatio;

  // Input and reading, and which rows.
  ReadingText reading;
  std::string from, to;  ///< --from / --to as typed
  Frequency frequency = Frequency::kAsIs;
  std::optional<std::string> max_input_size;  ///< --max-input-size SIZE|none as typed

  size_t jobs = 0;  ///< --jobs N: threads at work at most (0: one per core)

  // What to estimate, and when to raise an alarm.
  AnalysisOptions analysis;
  Thresholds thresholds;

  // Typed here and folded into `analysis` by validate_single(), since each takes
  // another option to mean something.
  std::optional<double> halflife;       ///< --halflife H: analysis.ewma_lambda
  std::optional<std::string> window;    ///< --window W|DURATION: analysis.window
  bool expanding = false;               ///< --expanding: analysis.window
  std::vector<double> kalman_q;         ///< --kalman-q QA,QH: analysis.kalman_variances
  std::optional<double> kalman_r;       ///< --kalman-r R: analysis.kalman_variances
  bool stability = false;               ///< --stability: analysis.stability
  std::optional<double> trim;           ///< --trim
  std::optional<std::string> break_at;  ///< --break-at DATE
  std::optional<std::string>
      carry_series;  ///< --carry-series FILE[:COLUMN] (loaded by the command)
  std::optional<std::string> periods_per_year;  ///< --periods-per-year N|auto
  bool risk = false;                            ///< --risk: analysis.risk_level
  std::optional<double> var_level;              ///< --var-level
  bool estimators = false;                      ///< --estimators: analysis.dimson_lags
  std::optional<size_t> dimson_lags;            ///< --dimson-lags K
  bool cointegration = false;                   ///< --cointegration: analysis.cointegration
  std::optional<size_t> adf_max_lags;           ///< --adf-max-lags L
  std::optional<size_t> johansen_lags;          ///< --johansen-lags L
  // Monitoring: the monitor command (or batch --monitor) sets `monitor`; the rest is
  // folded into analysis.monitor by validate_monitor().
  bool monitor = false;
  std::optional<std::string> history_to;        ///< --history-to DATE
  std::optional<size_t> history;                ///< --history N
  std::optional<MonitorProcess> monitor_process;  ///< --process
  std::optional<double> bandwidth;              ///< --bandwidth H
  std::optional<double> alpha;                  ///< --alpha A
  std::optional<double> period;                 ///< --period P
  bool follow = false;                          ///< --follow (monitor only)
  bool alarms_only = false;                     ///< --alarms-only
  bool format_given = false;                    ///< --format was on the command line

  // Derived by validate_single() (validate_input() for matrix).
  CsvOptions csv;
  DateRange range;
  std::optional<size_t> input_limit;  ///< --max-input-size in bytes (none: no limit)
};

/// Binds every analysis option (not the positional series), for single and batch.
void add_analysis_options(CLI::App& app, SingleOptions& options);

/// --jobs: how many threads the command may keep busy.
void add_jobs_option(CLI::App& app, SingleOptions& options);

/// Output: --format, --no-header, --output, --precision.
void add_output_options(CLI::App& app, SingleOptions& options);

/// Output of an analysis: --series, --plot, --plot-kind.
void add_analysis_output_options(CLI::App& app, SingleOptions& options);

/// Input and reading: --headerless, --delimiter, --thousands, --decimal, --date-col, --date-format.
void add_reading_options(CLI::App& app, SingleOptions& options);

/// Returns: --returns, --from, --to, --frequency.
void add_return_options(CLI::App& app, SingleOptions& options);

/// Returns and alignment: --align, --max-gap, --horizon, --horizons.
void add_alignment_options(CLI::App& app, SingleOptions& options);

/// Estimators: --confidence, --no-intercept, --se, --hac-lags, --window, --expanding,
/// --min-obs, --ewma, --halflife, --kalman, --kalman-q, --kalman-r, --estimators,
/// --dimson-lags, --rebalance, --compare.
void add_estimator_options(CLI::App& app, SingleOptions& options);

/// Stability and monitoring: --stability, --trim, --break-at, --max-break-p,
/// --min-correlation, --min-effectiveness.
void add_stability_options(CLI::App& app, SingleOptions& options);

/// Monitoring: --history-to, --history, --process, --bandwidth, --alpha, --period (the
/// monitor command, and batch with --monitor).
void add_monitor_options(CLI::App& app, SingleOptions& options);
/// Following: --follow and --alarms-only (the monitor command alone); call after the
/// output options are bound.
void add_follow_options(CLI::App& app, SingleOptions& options);

/// With --follow: a streamable format (table by default becomes csv), none of the
/// options a live stream cannot honour, and --series implied; without it, no
/// --alarms-only.
void validate_follow(SingleOptions& options);

/// Risk: --risk, --var-level, --accounting.
void add_risk_options(CLI::App& app, SingleOptions& options);

/// Cointegration: --cointegration, --adf-max-lags, --johansen-lags, --max-coint-p.
void add_cointegration_options(CLI::App& app, SingleOptions& options);

/// Trades and costs: --exposure, --proxy-price, --contract-size, --position, --band,
/// --cost-bps, --carry, --carry-series, --rebalance-band, --periods-per-year.
void add_cost_options(CLI::App& app, SingleOptions& options);

/// Checks the reading options, --from/--to and --frequency, and completes csv and
/// range; throws UsageError. All matrix needs.
void validate_input(SingleOptions& options);

/// Checks every rule between the options of an analysis of `proxies` proxies and
/// completes what is derived; throws UsageError. Runs before any price file is read.
/// positions_from_pairs: batch may take each pair's --position from PAIRS, so --band
/// without --position is checked there.
void validate_single(SingleOptions& options, size_t proxies, bool positions_from_pairs = false);

// The rules of each family, in the order validate_single() applies them.
void validate_alignment(SingleOptions& options);
void validate_estimators(SingleOptions& options, size_t proxies);
void validate_stability(SingleOptions& options);
void validate_risk(SingleOptions& options, size_t proxies);
void validate_cointegration(SingleOptions& options, size_t proxies);
void validate_costs(SingleOptions& options, size_t proxies, bool positions_from_pairs);
void validate_output(const SingleOptions& options);
/// With `monitor`: one of --history-to and --history, and settings with a critical value
/// for `proxies` proxies, folded into analysis.monitor; without it, none of them.
void validate_monitor(SingleOptions& options, size_t proxies);

/// The contract's step 1 after reading: --from/--to, --frequency, and the price > 0
/// check the return kind needs. Throws DataError naming file and line.
void prepare_series(PriceSeries& series, const SingleOptions& options);

}  // namespace hedgecalc
