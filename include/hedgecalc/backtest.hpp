#pragma once
// Out-of-sample backtest of a re-estimated hedge (docs/hedgecalc.md --rebalance K --window W).

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

/// The hedge held out of sample: at t0 = first, first+K, ... the ratio becomes
/// ratio[t0-1] (kept when that is undefined; 0 before the first), and hedges returns
/// [t0, t0+K).
struct OutOfSample {
  std::vector<double> target;  ///< r_T over [first, n)
  std::vector<double> hedged;  ///< r_T - h r_P over [first, n)
  double turnover = 0;         ///< sum of |change of ratio| at the rebalancing dates, from 0
};

/// Runs the hedge of ratio_by_date out of sample from first, rebalancing every K.
OutOfSample hedge_out_of_sample(const std::vector<double>& target, const std::vector<double>& proxy,
                                const std::vector<double>& ratio_by_date, size_t first,
                                size_t rebalance);

/// 1 - var(hedged) / var(target) (n-1 variances); NaN when the target does not vary.
double variance_reduction(const std::vector<double>& target, const std::vector<double>& hedged);

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
