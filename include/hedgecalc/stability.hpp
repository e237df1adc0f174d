#pragma once
// --stability: has the relationship changed? The sup-F break search with its p-value,
// the fits before and after the most likely break, the Fisher-z change in correlation,
// OLS-CUSUM, and the Chow test at a date the user names (docs/hedgecalc.md ("Stability")).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hedgecalc/hedge_analysis.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// --trim and --break-at.
struct StabilityOptions {
  double trim = 0.15;                 ///< share of returns kept off either end of the search
  std::optional<Timestamp> break_at;  ///< --break-at: also the Chow test there
};

/// The Chow test at --break-at.
struct ChowTest {
  Timestamp date = 0;  ///< the first return of the second segment
  size_t n_before = 0;
  double f = 0;  ///< F_b / k
  double p = 0;  ///< from F(k, n - 2k)
};

/// Everything --stability reports.
struct Stability {
  double trim = 0.15;
  double supf = 0, supf_p = 0;
  Timestamp break_date = 0;  ///< the first return after the break
  size_t n_before = 0, n_after = 0;
  std::vector<double> hedge_ratio_before, hedge_ratio_after;  ///< one per proxy
  double correlation_before = 0, correlation_after = 0;       ///< one proxy only (else NaN)
  double effectiveness_before = 0, effectiveness_after = 0;
  double correlation_change_p = 0;  ///< Fisher z; descriptive, the break was searched for
  double cusum = 0, cusum_p = 0;
  std::optional<ChowTest> chow;
};

/// Runs every test on the analysis' returns and design (options.intercept; every
/// proxy); full is the fit on all of them. Throws DataError when the trimmed range
/// holds no admissible break, or the --break-at date leaves too few returns on a side.
Stability test_stability(const ReturnSeries& returns, const std::vector<std::string>& labels,
                         const HedgeOptions& options, const HedgeAnalysis& full,
                         const StabilityOptions& stability);

}  // namespace hedgecalc
