#include "break_tests.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <cmath>
#include <limits>

#include "supf_response_surface.hpp"

namespace hedgecalc {
namespace {

constexpr size_t kTrimPoints = 25;
constexpr size_t kMaxRegressors = 40;

double chi2_upper_tail(double x, double df) {
  if (!(x > 0)) return 1.0;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), x));
}

}  // namespace

double supf_p_value(double supf, size_t k, double lambda) {
  if (std::isnan(supf) || k == 0) return std::numeric_limits<double>::quiet_NaN();
  k = std::min(k, kMaxRegressors);
  // The 25 response-surface p-values for this k, one per trimming point.
  double pp[kTrimPoints];
  for (size_t j = 0; j < kTrimPoints; ++j) {
    const auto& row = kSupFResponseSurface[(k - 1) * kTrimPoints + j];
    pp[j] = chi2_upper_tail(std::max(0.0, row[0] + row[1] * supf), row[2]);
  }
  const double tau = lambda < 1 ? lambda : 1 / (1 + std::sqrt(lambda));
  const double plain = chi2_upper_tail(supf, static_cast<double>(k));  // no search at all
  if (tau == 0.5) return plain;
  if (tau <= 0.01) return pp[kTrimPoints - 1];
  if (tau >= 0.49) return ((0.5 - tau) * pp[0] + (tau - 0.49) * plain) * 100;
  // Linear in tau between the two nearest trimming points (0.50, 0.49, ..., 0.01).
  const double position = (0.51 - tau) * 50;
  const auto below = static_cast<size_t>(std::floor(position));  // 1-based, as in the table
  return (static_cast<double>(below) + 1 - position) * pp[below - 1] +
         (position - static_cast<double>(below)) * pp[below];
}

double cusum_p_value(double x) {
  if (std::isnan(x)) return x;
  if (x < 0.1) return 1.0;
  double sum = 0;
  for (int i = 1; i <= 100; ++i) {
    sum += (i % 2 == 0 ? 1.0 : -1.0) * std::exp(-2.0 * i * i * x * x);
  }
  return -2 * sum;  // 1 - (1 + 2 sum)
}

double f_upper_tail(double f, double d1, double d2) {
  if (std::isnan(f)) return f;
  if (!(f > 0)) return 1.0;
  return boost::math::cdf(boost::math::complement(boost::math::fisher_f(d1, d2), f));
}

double fisher_z_p_value(double r1, size_t n1, double r2, size_t n2) {
  if (!(std::fabs(r1) < 1) || !(std::fabs(r2) < 1) || n1 <= 3 || n2 <= 3) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double z = (std::atanh(r1) - std::atanh(r2)) /
                   std::sqrt(1.0 / static_cast<double>(n1 - 3) + 1.0 / static_cast<double>(n2 - 3));
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

}  // namespace hedgecalc
