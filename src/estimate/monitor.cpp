#include "hedgecalc/monitor.hpp"

#include <boost/math/tools/roots.hpp>
#include <cmath>

#include "monitor_critical_values.hpp"

namespace hedgecalc {
namespace {

// R's approx(x, y, xout) with its defaults (linear, NA outside [x_0, x_n-1]): the same
// bisection and the same formula, so the interpolated value has R's bits.
std::optional<double> approx(const std::array<double, 50>& x, const std::array<double, 50>& y,
                             double v) {
  size_t i = 0, j = x.size() - 1;
  if (!(v >= x[i] && v <= x[j])) return std::nullopt;
  while (i + 1 < j) {
    const size_t middle = (i + j) / 2;
    if (v < x[middle]) {
      j = middle;
    } else {
      i = middle;
    }
  }
  if (v == x[j]) return y[j];
  if (v == x[i]) return y[i];
  return y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]));
}

std::optional<size_t> position_of(double value, std::initializer_list<double> among) {
  size_t at = 0;
  for (double candidate : among) {
    if (value == candidate) return at;
    ++at;
  }
  return std::nullopt;
}

// OLS-CUSUM: the c with P(sup |W(t)| / boundary > 1) = alpha, i.e. 2 (1 - Phi(c) +
// c phi(c)) = alpha, solved on the upper tail (erfc) so that small alphas keep their
// digits.
double cusum_critical_value(double alpha) {
  const auto excess = [alpha](double c) {
    const double tail = 0.5 * std::erfc(c / std::sqrt(2.0));
    const double density = std::exp(-0.5 * c * c) / std::sqrt(2 * M_PI);
    return tail + c * density - alpha / 2;
  };
  boost::uintmax_t iterations = 200;
  const auto [low, high] = boost::math::tools::toms748_solve(
      excess, 0.0, 40.0, boost::math::tools::eps_tolerance<double>(52), iterations);
  return 0.5 * (low + high);
}

}  // namespace

const char* monitor_process_name(MonitorProcess process) {
  switch (process) {
    case MonitorProcess::kOlsMosum: return "ols-mosum";
    case MonitorProcess::kMe: return "me";
    case MonitorProcess::kOlsCusum: break;
  }
  return "ols-cusum";
}

std::optional<double> monitor_critical_value(const MonitorSettings& settings, size_t coefficients) {
  if (!(settings.alpha > 0 && settings.alpha < 1)) return std::nullopt;
  if (settings.process == MonitorProcess::kOlsCusum) return cusum_critical_value(settings.alpha);
  const auto bandwidth = position_of(settings.bandwidth, {0.25, 0.5, 1});
  const auto period = position_of(settings.period, {2, 4, 6, 8, 10});
  if (!bandwidth || !period) return std::nullopt;
  // ME tests each coefficient at alpha / k (strucchange's elemsiglevel).
  const double level = settings.process == MonitorProcess::kMe
                           ? settings.alpha / static_cast<double>(coefficients)
                           : settings.alpha;
  return approx(kMonitorLevels, kMonitorCriticalValues[*bandwidth][*period], 1 - level);
}

double monitor_boundary(MonitorProcess process, double critical_value, size_t index, size_t history) {
  const double x = static_cast<double>(index) / static_cast<double>(history);
  if (process == MonitorProcess::kOlsCusum) {
    return std::sqrt(x * (x - 1) * (critical_value * critical_value + std::log(x / (x - 1))));
  }
  const double log_plus = x <= std::exp(1.0) ? 1.0 : std::log(x);
  return critical_value * std::sqrt(2 * log_plus);
}

}  // namespace hedgecalc
