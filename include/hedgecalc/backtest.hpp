#pragma once
// Out-of-sample backtest of a re-estimated hedge (SPEC.md --rebalance K --window W).

#include <cstddef>
#include <vector>

namespace hedgecalc {

/// Realized variance reduction over the out-of-sample dates [first, n).
struct Backtest {
  size_t first = 0, rebalance = 0, n = 0;  ///< first: the first out-of-sample return
  double effectiveness = 0;            ///< with the ratio re-estimated every K periods
  double effectiveness_naive = 0;      ///< with a 1:1 hedge
  double effectiveness_in_sample = 0;  ///< with the full-sample ratio
};

/// At t0 = first, first+K, ... the ratio estimated on returns before t0
/// (rolling_ratio[t0-1]; first = W for a W-return window) hedges returns [t0, t0+K). A
/// window whose ratio is undefined keeps the previous ratio (no hedge before the
/// first). Values are NaN when the target does not vary.
Backtest run_backtest(const std::vector<double>& target, const std::vector<double>& proxy,
                      const std::vector<double>& rolling_ratio, size_t first, size_t rebalance,
                      double full_sample_ratio);

/// r_T - h_{t-1} r_P: what the hedge set at the previous date earned (NaN while no
/// ratio is known yet).
std::vector<double> hedged_returns(const std::vector<double>& target,
                                   const std::vector<double>& proxy,
                                   const std::vector<double>& ratio_by_date);

}  // namespace hedgecalc
