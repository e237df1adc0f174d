#include "hedgecalc/moments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hedgecalc {

double mean(const std::vector<double>& x) {
  if (x.empty()) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0;
  for (double v : x) sum += v;
  double m = sum / static_cast<double>(x.size());
  // A second pass corrects the rounding of the first (as numpy's mean does not).
  double correction = 0;
  for (double v : x) correction += v - m;
  return m + correction / static_cast<double>(x.size());
}

PairMoments pair_moments(const std::vector<double>& x, const std::vector<double>& y) {
  PairMoments m;
  m.n = x.size();
  m.mean_x = mean(x);
  m.mean_y = mean(y);
  for (size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - m.mean_x;
    const double dy = y[i] - m.mean_y;
    m.sxx += dx * dx;
    m.syy += dy * dy;
    m.sxy += dx * dy;
  }
  return m;
}

double sample_variance(const std::vector<double>& x) {
  if (x.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  const double m = mean(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return ss / static_cast<double>(x.size() - 1);
}

double correlation(const PairMoments& m) {
  if (m.sxx == 0 || m.syy == 0) return std::numeric_limits<double>::quiet_NaN();
  return std::clamp(m.sxy / std::sqrt(m.sxx * m.syy), -1.0, 1.0);
}

}  // namespace hedgecalc
