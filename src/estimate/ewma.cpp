#include "hedgecalc/ewma.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {

double lambda_from_halflife(double halflife) {
  assert(halflife > 0 && std::isfinite(halflife));  // checked by the command line
  return std::exp(-std::log(2.0) / halflife);
}

void EwmaRecursion::push(double x, double y) {
  // Weighted means and weighted centred second moments (divided by the weight sum):
  // observation i has weight lambda^(t-i). Each step decays the old weight and merges
  // the new observation (weight 1) as a weighted Welford update. A value equal to the
  // mean leaves the mean untouched, so constant stretches stay exactly constant.
  if (!started_) {
    started_ = true;
    mean_x_ = x;
    mean_y_ = y;
    return;
  }
  const double weight = weight_ * lambda_;
  const double old_x = mean_x_, old_y = mean_y_;
  const double total = weight + 1;
  if (x != mean_x_) mean_x_ = (weight * old_x + x) / total;
  if (y != mean_y_) mean_y_ = (weight * old_y + y) / total;
  vxx_ = (weight * (vxx_ + (old_x - mean_x_) * (old_x - mean_x_)) + (x - mean_x_) * (x - mean_x_)) /
         total;
  vyy_ = (weight * (vyy_ + (old_y - mean_y_) * (old_y - mean_y_)) + (y - mean_y_) * (y - mean_y_)) /
         total;
  vxy_ = (weight * (vxy_ + (old_x - mean_x_) * (old_y - mean_y_)) + (x - mean_x_) * (y - mean_y_)) /
         total;
  weight_ = total;
}

// The bias correction of pandas' cov/var cancels in both ratios.
double EwmaRecursion::hedge_ratio() const {
  return vxx_ > 0 ? vxy_ / vxx_ : std::numeric_limits<double>::quiet_NaN();
}

double EwmaRecursion::correlation() const {
  if (!(vxx_ > 0 && vyy_ > 0)) return std::numeric_limits<double>::quiet_NaN();
  return std::clamp(vxy_ / std::sqrt(vxx_ * vyy_), -1.0, 1.0);
}

EwmaSeries ewma_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                      double lambda) {
  assert(lambda > 0 && lambda < 1);  // checked by the command line
  const size_t n = target.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EwmaSeries out;
  out.hedge_ratio = huge_vector(n, nan);
  out.correlation = huge_vector(n, nan);
  out.effectiveness = huge_vector(n, nan);
  EwmaRecursion ewma(lambda);
  for (size_t t = 0; t < n; ++t) {
    ewma.push(proxy[t], target[t]);
    if (t == 0) continue;
    out.hedge_ratio[t] = ewma.hedge_ratio();
    const double r = ewma.correlation();
    out.correlation[t] = r;
    out.effectiveness[t] = r * r;
  }
  return out;
}

}  // namespace hedgecalc
