#include "hedgecalc/ewma.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace hedgecalc {

double lambda_from_halflife(double halflife) {
  assert(halflife > 0 && std::isfinite(halflife));  // checked by the command line
  return std::exp(-std::log(2.0) / halflife);
}

EwmaSeries ewma_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                      double lambda) {
  assert(lambda > 0 && lambda < 1);  // checked by the command line
  const size_t n = target.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EwmaSeries out;
  out.hedge_ratio.assign(n, nan);
  out.correlation.assign(n, nan);
  out.effectiveness.assign(n, nan);
  if (n == 0) return out;

  // Weighted means and weighted centred second moments (divided by the weight sum):
  // observation i has weight lambda^(t-i). Each step decays the old weight and merges
  // the new observation (weight 1) as a weighted Welford update. A value equal to the
  // mean leaves the mean untouched, so constant stretches stay exactly constant.
  double weight = 1;
  double mean_x = proxy[0], mean_y = target[0];
  double vxx = 0, vyy = 0, vxy = 0;
  for (size_t t = 1; t < n; ++t) {
    weight *= lambda;
    const double x = proxy[t], y = target[t];
    const double old_x = mean_x, old_y = mean_y;
    const double total = weight + 1;
    if (x != mean_x) mean_x = (weight * old_x + x) / total;
    if (y != mean_y) mean_y = (weight * old_y + y) / total;
    vxx = (weight * (vxx + (old_x - mean_x) * (old_x - mean_x)) + (x - mean_x) * (x - mean_x)) /
          total;
    vyy = (weight * (vyy + (old_y - mean_y) * (old_y - mean_y)) + (y - mean_y) * (y - mean_y)) /
          total;
    vxy = (weight * (vxy + (old_x - mean_x) * (old_y - mean_y)) + (x - mean_x) * (y - mean_y)) /
          total;
    weight = total;
    // The bias correction of pandas' cov/var cancels in both ratios below.
    if (vxx > 0) out.hedge_ratio[t] = vxy / vxx;
    if (vxx > 0 && vyy > 0) {
      const double r = std::clamp(vxy / std::sqrt(vxx * vyy), -1.0, 1.0);
      out.correlation[t] = r;
      out.effectiveness[t] = r * r;
    }
  }
  return out;
}

}  // namespace hedgecalc
