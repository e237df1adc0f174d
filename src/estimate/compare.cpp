#include "hedgecalc/compare.hpp"

#include <algorithm>
#include <cmath>

#include "hedgecalc/backtest.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "moments.hpp"

namespace hedgecalc {

size_t first_hedge_date(const std::vector<double>& ratio) {
  size_t t = 0;
  while (t < ratio.size() && std::isnan(ratio[t])) ++t;
  return t + 1;
}

size_t latest_first(const std::vector<RatioPath>& paths) {
  size_t first = 0;
  for (const RatioPath& path : paths) first = std::max(first, path.first);
  return first;
}

std::vector<MethodResult> compare_estimators(const std::vector<double>& target,
                                             const std::vector<double>& proxy,
                                             const std::vector<RatioPath>& paths, size_t rebalance,
                                             size_t& common_first, const HedgeCosts& costs,
                                             const Executor& executor) {
  common_first = latest_first(paths);
  if (common_first + 2 > target.size()) {
    throw DataError(
        flag_for(Setting::kCompare) + ": the estimators' warm-up leaves " +
        std::to_string(target.size() > common_first ? target.size() - common_first : 0) +
        " returns to hedge out of sample; use a shorter " + flag_for(Setting::kWindow) +
        " or more data");
  }
  std::vector<MethodResult> results(paths.size());
  executor.for_each(paths.size(), [&](size_t i) {
    const OutOfSample out =
        hedge_out_of_sample(target, proxy, paths[i].ratio, common_first, rebalance, costs);
    MethodResult& r = results[i];
    r.method = paths[i].method;
    r.effectiveness = variance_reduction(out.target, out.hedged);
    r.vol_hedged = std::sqrt(sample_variance(out.hedged));
    r.turnover = out.turnover;
    r.cost = out.cost_trading + out.cost_carry;
    r.effectiveness_net = variance_reduction(out.target, out.net);
  });
  // With costs, the hedge worth having is the one that removes most risk after paying.
  const bool net = costs.any();
  std::stable_sort(results.begin(), results.end(), [net](const MethodResult& a, const MethodResult& b) {
    const double x = net ? a.effectiveness_net : a.effectiveness;
    const double y = net ? b.effectiveness_net : b.effectiveness;
    if (std::isnan(y)) return !std::isnan(x);
    return x > y;
  });
  return results;
}

}  // namespace hedgecalc
