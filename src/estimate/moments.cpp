#include "moments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hedgecalc {

double mean(const std::vector<double>& x) { return mean(x.data(), x.size()); }

double mean(const double* x, size_t n) {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += x[i];
  double m = sum / static_cast<double>(n);
  // A second pass corrects the rounding of the first (as numpy's mean does not).
  double correction = 0;
  for (size_t i = 0; i < n; ++i) correction += x[i] - m;
  return m + correction / static_cast<double>(n);
}

PairMoments pair_moments(const std::vector<double>& x, const std::vector<double>& y) {
  return pair_moments(x.data(), y.data(), x.size());
}

PairMoments pair_moments(const double* x, const double* y, size_t n) {
  PairMoments m;
  m.n = n;
  if (n == 0) return m;
  // Both means in one pass, then one correcting pass (as mean() does), then the sums.
  double sum_x = 0, sum_y = 0;
  for (size_t i = 0; i < n; ++i) sum_x += x[i], sum_y += y[i];
  const double count = static_cast<double>(n);
  m.mean_x = sum_x / count, m.mean_y = sum_y / count;
  double fix_x = 0, fix_y = 0;
  for (size_t i = 0; i < n; ++i) fix_x += x[i] - m.mean_x, fix_y += y[i] - m.mean_y;
  m.mean_x += fix_x / count, m.mean_y += fix_y / count;
  for (size_t i = 0; i < n; ++i) {
    const double dx = x[i] - m.mean_x;
    const double dy = y[i] - m.mean_y;
    m.sxx += dx * dx;
    m.syy += dy * dy;
    m.sxy += dx * dy;
  }
  return m;
}

double sample_variance(const std::vector<double>& x) {
  return sample_variance(x.data(), x.size());
}

double sample_variance(const double* x, size_t n) {
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  const double m = mean(x, n);
  double ss = 0;
  for (size_t i = 0; i < n; ++i) ss += (x[i] - m) * (x[i] - m);
  return ss / static_cast<double>(n - 1);
}

double correlation(const PairMoments& m) {
  if (m.sxx == 0 || m.syy == 0) return std::numeric_limits<double>::quiet_NaN();
  return std::clamp(m.sxy / std::sqrt(m.sxx * m.syy), -1.0, 1.0);
}

}  // namespace hedgecalc
