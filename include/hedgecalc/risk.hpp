#pragma once
// Risk beyond variance (docs/hedgecalc.md --risk): downside, tail and drawdown measures of
// the unhedged and hedged returns, how much the hedge cuts each, and whether the cut in
// variance is significant.

#include <optional>
#include <vector>

#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// The risk measures of one series of returns x (positive numbers are losses avoided).
struct RiskMeasures {
  double vol;           ///< sample standard deviation (n-1)
  double lpm2;          ///< mean of max(-x, 0)^2: downside semivariance about 0
  double var;           ///< -(1 - level) quantile of x, linear interpolation (numpy's default)
  double es;            ///< -mean of the x at or below that quantile
  double max_drawdown;  ///< largest fall from a running peak of the value path
};

/// The risk report: unhedged u, hedged v and the cuts, plus the tests of equal variance.
struct RiskReport {
  double level;
  RiskMeasures unhedged, hedged;
  /// 1 - hedged / unhedged for variance, lpm2, var, es, max_drawdown (NaN over 0).
  double reduction_variance, reduction_lpm2, reduction_var, reduction_es, reduction_max_drawdown;
  double pitman_morgan_t, pitman_morgan_p;    ///< paired test of var(u) = var(v)
  double brown_forsythe_w, brown_forsythe_p;  ///< Levene's test about the medians
  std::optional<RiskMeasures> backtest_hedged;  ///< the out-of-sample hedged returns
};

/// The q-quantile of x with linear interpolation between order statistics (numpy's
/// default), by selection rather than a full sort. NaN for an empty x.
double quantile(const std::vector<double>& x, double q);

/// The measures of x at `level` (VaR and ES at 1 - level); kind says how returns build
/// the value path of the drawdown.
RiskMeasures risk_measures(const std::vector<double>& x, double level, ReturnKind kind);

/// The full report for unhedged u and hedged v (same dates).
RiskReport risk_report(const std::vector<double>& u, const std::vector<double>& v, double level,
                       ReturnKind kind);

}  // namespace hedgecalc
