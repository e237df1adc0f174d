#pragma once
// Which sections an analysis has, and so which fields its record carries: a function
// of the options and the number of proxies alone. analyse() computes what it names,
// the record writer writes what it names, and a batch learns its columns from it
// before any pair runs.

#include <cstddef>
#include <vector>

#include "hedgecalc/analysis_options.hpp"

namespace hedgecalc {

/// The sections of one analysis.
struct AnalysisSections {
  size_t proxies = 1;
  bool hac = false;            ///< hac_lags
  bool horizon = false;        ///< horizon (K > 1)
  bool annual_vols = false;    ///< periods_per_year and the annualised vols
  bool sizing = false;
  bool trade = false;
  bool stability = false;
  bool chow = false;           ///< stability's Chow test at a given date
  bool rolling = false;
  bool ewma = false;
  bool kalman = false;
  bool dcc = false;
  bool backtest = false;       ///< the --rebalance backtest of one estimator
  size_t compare_rows = 0;     ///< rows of the out-of-sample contest
  bool compare_costs = false;  ///< the contest's cost columns
  std::vector<size_t> horizons;
  bool estimators = false;
  bool risk = false;
  bool accounting = false;
  bool monitor = false;        ///< the monitor command, batch --monitor
  bool cointegration = false;

  /// True for several proxies.
  bool basket() const { return proxies > 1; }
};

/// The sections an analysis of `proxies` proxies with these options has.
AnalysisSections analysis_sections(const AnalysisOptions& options, size_t proxies);

}  // namespace hedgecalc
