#include "moments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "four_sums.hpp"

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
  // Both means in one pass, then one correcting pass (as mean() does), then the sums;
  // each sum in four partial sums (four_sums.hpp): a batch's pairs spend much of their
  // time here.
  Four sum_x, sum_y;
  in_blocks_of_four(x, y, n, 0.0, 0.0, [&](const double* xs, const double* ys) {
    sum_x = sum_x + Four::load(xs);
    sum_y = sum_y + Four::load(ys);
  });
  const double count = static_cast<double>(n);
  m.mean_x = sum_x.total() / count, m.mean_y = sum_y.total() / count;
  Four fix_x, fix_y;
  const Four first_x = Four::all(m.mean_x), first_y = Four::all(m.mean_y);
  in_blocks_of_four(x, y, n, m.mean_x, m.mean_y, [&](const double* xs, const double* ys) {
    fix_x = fix_x + (Four::load(xs) - first_x);
    fix_y = fix_y + (Four::load(ys) - first_y);
  });
  m.mean_x += fix_x.total() / count, m.mean_y += fix_y.total() / count;
  Four sxx, syy, sxy;
  const Four mean_x = Four::all(m.mean_x), mean_y = Four::all(m.mean_y);
  in_blocks_of_four(x, y, n, m.mean_x, m.mean_y, [&](const double* xs, const double* ys) {
    const Four dx = Four::load(xs) - mean_x;
    const Four dy = Four::load(ys) - mean_y;
    sxx = sxx + dx * dx;
    syy = syy + dy * dy;
    sxy = sxy + dx * dy;
  });
  m.sxx = sxx.total(), m.syy = syy.total(), m.sxy = sxy.total();
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
