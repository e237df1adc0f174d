#pragma once
// `hedgecalc [OPTIONS] TARGET PROXY [PROXY...]`: the single analysis, from
// arguments to printed text.

#include <cmath>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/date_range.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/thresholds.hpp"

namespace hedgecalc {

/// Every option of the single analysis, as the user typed it.
struct SingleOptions {
  std::vector<std::string> series;  ///< TARGET then PROXY...
  std::string format = "table";
  bool no_header = false;
  std::string output;  ///< --output FILE ("" : standard output)
  int precision = 4;
  std::string returns = "simple";
  std::string from, to;
  bool headerless = false;
  std::string delimiter;
  std::string date_col;
  std::string date_format;
  std::string thousands;  ///< --thousands C
  std::string decimal;    ///< --decimal C
  double confidence = 0.95;
  std::string window;     ///< --window W or DURATION ("" when not given)
  bool expanding = false;  ///< --expanding
  size_t min_obs = 0;      ///< --min-obs N (0: not given)
  double ewma = NAN;      ///< lambda; NaN when not given
  double halflife = NAN;  ///< periods; NaN when not given
  bool per_date = false;  ///< --series
  size_t rebalance = 0;
  double min_correlation = NAN;
  double min_effectiveness = NAN;
  std::string plot;  ///< SVG file to write
  std::string plot_kind = "ratio";  ///< --plot-kind ratio|value
  bool no_intercept = false;
  std::string se = "classical";
  long hac_lags = -1;
  std::string frequency;
  std::string align = "inner";
  std::string max_gap;
  size_t horizon = 1;
  double exposure = NAN;
  std::vector<double> proxy_price;
  std::vector<double> contract_size;
  bool kalman = false;               ///< --kalman
  bool compare = false;              ///< --compare
  std::vector<double> kalman_q;      ///< --kalman-q QA,QH (QH alone without an intercept)
  double kalman_r = NAN;             ///< --kalman-r R
  bool stability = false;   ///< --stability
  double trim = NAN;        ///< --trim (NaN: 0.15)
  std::string break_at;     ///< --break-at DATE
  double max_break_p = NAN; ///< --max-break-p
  double position = NAN;         ///< --position Q (proxy units held)
  double band = NAN;             ///< --band B
  double cost_bps = NAN;         ///< --cost-bps C
  double carry = NAN;            ///< --carry RATE (yearly)
  std::string carry_series;      ///< --carry-series FILE[:COLUMN]
  double rebalance_band = NAN;   ///< --rebalance-band B
  std::string periods_per_year;  ///< --periods-per-year N|auto
  bool risk = false;             ///< --risk
  double var_level = NAN;        ///< --var-level
  bool accounting = false;       ///< --accounting
  std::vector<size_t> horizons;  ///< --horizons K1,K2,...
  bool estimators = false;       ///< --estimators
  std::optional<size_t> dimson_lags;  ///< --dimson-lags K
};

/// What a command prints and how it exits.
struct CommandResult {
  std::string out;  ///< for stdout
  std::string err;  ///< for stderr (warnings, threshold alarms)
  int exit_code = 0;
};

/// Registers the options of the single analysis on app.
void setup_single(CLI::App& app, SingleOptions& options);

/// Registers every analysis option (not the positional series), for batch too.
void add_analysis_options(CLI::App& app, SingleOptions& options);

/// --format, --no-header, --precision.
void add_output_options(CLI::App& app, SingleOptions& options);

/// --returns, --from, --to, --frequency: which prices, and how they become returns.
void add_return_options(CLI::App& app, SingleOptions& options);

/// What to estimate and report: intervals, windows, thresholds, alignment, sizing.
void add_estimate_options(CLI::App& app, SingleOptions& options);

/// How to read the CSV files (--headerless, --delimiter, ...).
void add_reading_options(CLI::App& app, SingleOptions& options);

/// The CSV reading options the command line asks for; throws UsageError.
CsvOptions csv_options_from(const SingleOptions& options);

/// What to estimate, from the command line; throws UsageError.
AnalysisOptions analysis_options_from(const SingleOptions& options);

/// --min-correlation / --min-effectiveness.
Thresholds thresholds_from(const SingleOptions& options);

/// the contract's step 1 after reading: --from/--to, --frequency, and the price > 0 check
/// the return kind needs. Throws DataError naming file and line.
void prepare_series(PriceSeries& series, const DateRange& range, const SingleOptions& options,
                    ReturnKind kind);

/// Runs the analysis; throws hedgecalc::Error. Nothing is printed here, so that an
/// error leaves stdout empty; a --plot file is written through files.
CommandResult run_single(const SingleOptions& options, FileSystem& files);

}  // namespace hedgecalc
