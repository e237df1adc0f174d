#include "mackinnon.hpp"

#include <cmath>

namespace hedgecalc {
namespace {

// MacKinnon (1994), Table 3 and 4, "c" with N = 2: where the left tail's polynomial
// takes over, and the statistics beyond which the p-value is 0 or 1.
constexpr double kTauStar = -2.62;
constexpr double kTauMin = -18.86;
constexpr double kTauMax = 0.92;
// The probit of the p-value as a polynomial in tau: the left tail, then the rest.
constexpr std::array<double, 3> kSmallP = {2.92, 1.5012, 3.9796e-2};
constexpr std::array<double, 4> kLargeP = {2.1945, 6.4695e-1, -2.9198e-1, -4.2377e-2};

// MacKinnon (2010), Table 2, "c" with N = 2: b0 + b1/T + b2/T^2 per level.
constexpr std::array<std::array<double, 3>, 3> kCritical = {{
    {-3.89644, -10.9519, -33.527},  // 1%
    {-3.33613, -6.1101, -6.823},    // 5%
    {-3.04445, -4.2412, -2.720},    // 10%
}};

template <size_t N>
double polynomial(const std::array<double, N>& coefficients, double x) {
  double value = 0;
  for (size_t i = N; i-- > 0;) value = value * x + coefficients[i];
  return value;
}

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

double engle_granger_p_value(double tau) {
  if (std::isnan(tau)) return NAN;
  if (tau > kTauMax) return 1.0;
  if (tau < kTauMin) return 0.0;
  return standard_normal_cdf(tau <= kTauStar ? polynomial(kSmallP, tau) : polynomial(kLargeP, tau));
}

std::array<double, 3> engle_granger_critical_values(double nobs) {
  std::array<double, 3> values{};
  for (size_t i = 0; i < 3; ++i) values[i] = polynomial(kCritical[i], 1.0 / nobs);
  return values;
}

}  // namespace hedgecalc
