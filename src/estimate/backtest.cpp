#include "hedgecalc/backtest.hpp"

#include <cassert>
#include <cmath>
#include <limits>

#include "hedgecalc/huge_pages.hpp"
#include "moments.hpp"

namespace hedgecalc {
double variance_reduction(const std::vector<double>& target, const std::vector<double>& hedged) {
  const double var_target = sample_variance(target);
  if (!(var_target > 0)) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - sample_variance(hedged) / var_target;
}

OutOfSample hedge_out_of_sample(const std::vector<double>& target, const std::vector<double>& proxy,
                                const std::vector<double>& ratio_by_date, size_t first,
                                size_t rebalance, const HedgeCosts& costs) {
  assert(rebalance >= 1);  // checked by the command line
  OutOfSample out;
  // A value per date of the test period: millions for a minute-bar pair, and the contest
  // makes one of these per estimator.
  const size_t dates = target.size() > first ? target.size() - first : 0;
  for (std::vector<double>* values : {&out.target, &out.held, &out.hedged, &out.cost, &out.net}) {
    reserve_huge(*values, dates);
  }
  const double fee = costs.cost_bps / 10000.0;
  double ratio = 0;
  bool hedging = false;  // the first rebalancing with a ratio always trades
  // Rebalancing dates are first, first + K, ...: a countdown rather than a division a date.
  for (size_t t = first, to_rebalance = 0; t < target.size(); ++t) {
    double cost = 0;
    const bool rebalancing = to_rebalance == 0;
    to_rebalance = rebalancing ? rebalance - 1 : to_rebalance - 1;
    if (rebalancing && t > 0 && !std::isnan(ratio_by_date[t - 1])) {
      const double proposed = ratio_by_date[t - 1];
      const double change = std::fabs(proposed - ratio);
      if (!hedging || change > costs.rebalance_band * std::fabs(ratio)) {
        out.turnover += change;
        out.trades += change > 0;
        cost += fee * change;
        out.cost_trading += fee * change;
        ratio = proposed;
        hedging = true;
      }
    }
    if (!costs.carry_by_date.empty()) {
      const double carry = ratio * costs.carry_by_date[t];
      cost += carry;
      out.cost_carry += carry;
    }
    const double hedged = target[t] - ratio * proxy[t];
    out.target.push_back(target[t]);
    out.held.push_back(ratio);
    out.hedged.push_back(hedged);
    out.cost.push_back(cost);
    out.net.push_back(hedged - cost);
  }
  return out;
}

Backtest run_backtest(const std::vector<double>& target, const std::vector<double>& proxy,
                      const std::vector<double>& rolling_ratio, size_t first, size_t rebalance,
                      double full_sample_ratio, const HedgeCosts& costs) {
  return summarize_backtest(hedge_out_of_sample(target, proxy, rolling_ratio, first, rebalance, costs),
                            target, proxy, first, rebalance, full_sample_ratio);
}

Backtest summarize_backtest(const OutOfSample& realized, const std::vector<double>& target,
                            const std::vector<double>& proxy, size_t first, size_t rebalance,
                            double full_sample_ratio) {
  Backtest result;
  result.first = first;
  result.rebalance = rebalance;
  result.n = realized.target.size();
  std::vector<double> naive, in_sample;
  reserve_huge(naive, realized.target.size());
  reserve_huge(in_sample, realized.target.size());
  for (size_t t = first; t < target.size(); ++t) {
    naive.push_back(target[t] - proxy[t]);
    in_sample.push_back(target[t] - full_sample_ratio * proxy[t]);
  }
  result.effectiveness = variance_reduction(realized.target, realized.hedged);
  result.effectiveness_naive = variance_reduction(realized.target, naive);
  result.effectiveness_in_sample = variance_reduction(realized.target, in_sample);
  result.turnover = realized.turnover;
  result.trades = realized.trades;
  result.cost_trading = realized.cost_trading;
  result.cost_carry = realized.cost_carry;
  result.cost = realized.cost_trading + realized.cost_carry;
  result.effectiveness_net = variance_reduction(realized.target, realized.net);
  result.mean_hedged_net = mean(realized.net);
  return result;
}

std::vector<double> value_path(const std::vector<double>& returns, ReturnKind kind) {
  std::vector<double> value(returns.size());
  double level = in_price_units(kind) ? 0.0 : 1.0, log_sum = 0;
  for (size_t i = 0; i < returns.size(); ++i) {
    if (in_price_units(kind)) {
      level += returns[i];
    } else if (kind == ReturnKind::kLog) {
      log_sum += returns[i];
      level = std::exp(log_sum);
    } else {
      level *= 1.0 + returns[i];
    }
    value[i] = level;
  }
  return value;
}

std::vector<double> hedged_returns(const std::vector<double>& target,
                                   const std::vector<double>& proxy,
                                   const std::vector<double>& ratio_by_date) {
  std::vector<double> out(target.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t t = 1; t < target.size(); ++t) {
    out[t] = target[t] - ratio_by_date[t - 1] * proxy[t];
  }
  return out;
}

}  // namespace hedgecalc
