#pragma once
// Out-of-sample backtest of a re-estimated hedge (docs/hedgecalc.md --rebalance K), with
// what trading it costs: fees on each change of the ratio, the carry of the proxy leg,
// and a band that skips small changes (--cost-bps, --carry, --carry-series,
// --rebalance-band).

#include <cstddef>
#include <vector>

#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// What holding a hedge costs, in return units (fractions of the target's value).
struct HedgeCosts {
  double cost_bps = 0;         ///< charged on |change of ratio| at each trade: C / 10,000
  double rebalance_band = 0;   ///< trade only when |new - held| > band x |held|
  /// Per-return carry rate of the proxy leg, one per return date (empty: none): a
  /// held ratio h is charged h x rate on that date.
  std::vector<double> carry_by_date;
  /// True when anything costs money (the contest then ranks by net effectiveness).
  bool any() const { return cost_bps > 0 || !carry_by_date.empty(); }
};

/// Realized variance reduction over the out-of-sample dates [first, n).
struct Backtest {
  size_t first = 0, rebalance = 0, n = 0;  ///< first: the first out-of-sample return
  double effectiveness = 0;            ///< with the ratio re-estimated every K periods
  double effectiveness_naive = 0;      ///< with a 1:1 hedge
  double effectiveness_in_sample = 0;  ///< with the full-sample ratio
  double turnover = 0;                 ///< sum of |change of ratio| over the trades, from 0
  size_t trades = 0;                   ///< rebalancing dates where the ratio changed hands
  double cost_trading = 0;             ///< total fees
  double cost_carry = 0;               ///< total carry
  double cost = 0;                     ///< cost_trading + cost_carry
  double effectiveness_net = 0;        ///< variance reduction of the hedged returns net of cost
  double mean_hedged_net = 0;          ///< mean hedged return net of cost, per period
};

/// The hedge held out of sample: at t0 = first, first+K, ... the ratio becomes
/// ratio[t0-1] (kept when that is undefined, or when the band says the change is too
/// small; 0 before the first), and hedges returns [t0, t0+K). Every vector runs over
/// the dates [first, n).
struct OutOfSample {
  std::vector<double> target;  ///< r_T
  std::vector<double> held;    ///< the ratio held on that date
  std::vector<double> hedged;  ///< r_T - h r_P
  std::vector<double> cost;    ///< fees (on a trade's first date) plus carry
  std::vector<double> net;     ///< hedged - cost
  double turnover = 0;         ///< sum of |change of ratio| at the trades, from 0
  size_t trades = 0;
  double cost_trading = 0, cost_carry = 0;
};

/// Runs the hedge of ratio_by_date out of sample from first, rebalancing every K, and
/// charges costs (carry_by_date, when given, runs over all n return dates).
OutOfSample hedge_out_of_sample(const std::vector<double>& target, const std::vector<double>& proxy,
                                const std::vector<double>& ratio_by_date, size_t first,
                                size_t rebalance, const HedgeCosts& costs = {});

/// 1 - var(hedged) / var(target) (n-1 variances); NaN when the target does not vary.
double variance_reduction(const std::vector<double>& target, const std::vector<double>& hedged);

/// The backtest's figures from a hedge already held out of sample (realized, from
/// hedge_out_of_sample with the same first), with the 1:1 and full-sample hedges on its dates.
Backtest summarize_backtest(const OutOfSample& realized, const std::vector<double>& target,
                            const std::vector<double>& proxy, size_t first, size_t rebalance,
                            double full_sample_ratio);

/// At t0 = first, first+K, ... the ratio estimated on returns before t0
/// (rolling_ratio[t0-1]; first = W for a W-return window) hedges returns [t0, t0+K). A
/// window whose ratio is undefined keeps the previous ratio (no hedge before the
/// first). Values are NaN when the target does not vary.
Backtest run_backtest(const std::vector<double>& target, const std::vector<double>& proxy,
                      const std::vector<double>& rolling_ratio, size_t first, size_t rebalance,
                      double full_sample_ratio, const HedgeCosts& costs = {});

/// What 1 held grows to, return by return: compounded (1 + x) for simple returns and
/// columns of returns, e^(sum x) for log returns; for diff, the sum of the changes from 0.
std::vector<double> value_path(const std::vector<double>& returns, ReturnKind kind);

/// r_T - h_{t-1} r_P: what the hedge set at the previous date earned (NaN while no
/// ratio is known yet).
std::vector<double> hedged_returns(const std::vector<double>& target,
                                   const std::vector<double>& proxy,
                                   const std::vector<double>& ratio_by_date);

}  // namespace hedgecalc
