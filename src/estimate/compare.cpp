#include "hedgecalc/compare.hpp"

#include <algorithm>
#include <cmath>

#include "hedgecalc/backtest.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/moments.hpp"

namespace hedgecalc {

size_t first_hedge_date(const std::vector<double>& ratio) {
  size_t t = 0;
  while (t < ratio.size() && std::isnan(ratio[t])) ++t;
  return t + 1;
}

std::vector<MethodResult> compare_estimators(const std::vector<double>& target,
                                             const std::vector<double>& proxy,
                                             const std::vector<RatioPath>& paths, size_t rebalance,
                                             size_t& common_first) {
  common_first = 0;
  for (const RatioPath& path : paths) common_first = std::max(common_first, path.first);
  if (common_first + 2 > target.size()) {
    throw DataError("--compare: the estimators' warm-up leaves " +
                    std::to_string(target.size() > common_first ? target.size() - common_first : 0) +
                    " returns to hedge out of sample; use a shorter --window or more data");
  }
  std::vector<MethodResult> results;
  for (const RatioPath& path : paths) {
    const OutOfSample out = hedge_out_of_sample(target, proxy, path.ratio, common_first, rebalance);
    MethodResult r;
    r.method = path.method;
    r.effectiveness = variance_reduction(out.target, out.hedged);
    r.vol_hedged = std::sqrt(sample_variance(out.hedged));
    r.turnover = out.turnover;
    results.push_back(r);
  }
  std::stable_sort(results.begin(), results.end(), [](const MethodResult& a, const MethodResult& b) {
    if (std::isnan(b.effectiveness)) return !std::isnan(a.effectiveness);
    return a.effectiveness > b.effectiveness;
  });
  return results;
}

}  // namespace hedgecalc
