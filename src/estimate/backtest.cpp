#include "hedgecalc/backtest.hpp"

#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/moments.hpp"

namespace hedgecalc {
double variance_reduction(const std::vector<double>& target, const std::vector<double>& hedged) {
  const double var_target = sample_variance(target);
  if (!(var_target > 0)) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - sample_variance(hedged) / var_target;
}

OutOfSample hedge_out_of_sample(const std::vector<double>& target, const std::vector<double>& proxy,
                                const std::vector<double>& ratio_by_date, size_t first,
                                size_t rebalance) {
  if (rebalance < 1) throw UsageError("--rebalance must be at least 1");
  OutOfSample out;
  double ratio = 0;
  for (size_t t = first; t < target.size(); ++t) {
    if ((t - first) % rebalance == 0 && t > 0 && !std::isnan(ratio_by_date[t - 1])) {
      out.turnover += std::fabs(ratio_by_date[t - 1] - ratio);
      ratio = ratio_by_date[t - 1];
    }
    out.target.push_back(target[t]);
    out.hedged.push_back(target[t] - ratio * proxy[t]);
  }
  return out;
}

Backtest run_backtest(const std::vector<double>& target, const std::vector<double>& proxy,
                      const std::vector<double>& rolling_ratio, size_t first, size_t rebalance,
                      double full_sample_ratio) {
  const OutOfSample realized = hedge_out_of_sample(target, proxy, rolling_ratio, first, rebalance);
  Backtest result;
  result.first = first;
  result.rebalance = rebalance;
  result.n = realized.target.size();
  std::vector<double> naive, in_sample;
  for (size_t t = first; t < target.size(); ++t) {
    naive.push_back(target[t] - proxy[t]);
    in_sample.push_back(target[t] - full_sample_ratio * proxy[t]);
  }
  result.effectiveness = variance_reduction(realized.target, realized.hedged);
  result.effectiveness_naive = variance_reduction(realized.target, naive);
  result.effectiveness_in_sample = variance_reduction(realized.target, in_sample);
  return result;
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
