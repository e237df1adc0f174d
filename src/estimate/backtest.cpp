#include "hedgecalc/backtest.hpp"

#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/moments.hpp"

namespace hedgecalc {
namespace {

double variance_reduction(const std::vector<double>& target, const std::vector<double>& hedged) {
  const double var_target = sample_variance(target);
  if (!(var_target > 0)) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - sample_variance(hedged) / var_target;
}

}  // namespace

Backtest run_backtest(const std::vector<double>& target, const std::vector<double>& proxy,
                      const std::vector<double>& rolling_ratio, size_t first, size_t rebalance,
                      double full_sample_ratio) {
  if (rebalance < 1) throw UsageError("--rebalance must be at least 1");
  Backtest result;
  result.first = first;
  result.rebalance = rebalance;
  const size_t n = target.size();
  std::vector<double> realized, naive, in_sample, target_out;
  double ratio = 0;
  for (size_t t = first; t < n; ++t) {
    if ((t - first) % rebalance == 0 && !std::isnan(rolling_ratio[t - 1])) {
      ratio = rolling_ratio[t - 1];
    }
    target_out.push_back(target[t]);
    realized.push_back(target[t] - ratio * proxy[t]);
    naive.push_back(target[t] - proxy[t]);
    in_sample.push_back(target[t] - full_sample_ratio * proxy[t]);
  }
  result.n = target_out.size();
  result.effectiveness = variance_reduction(target_out, realized);
  result.effectiveness_naive = variance_reduction(target_out, naive);
  result.effectiveness_in_sample = variance_reduction(target_out, in_sample);
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
