#include "nelder_mead.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hedgecalc {

Minimum nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                    std::vector<double> x0, double step, double tolerance,
                    size_t max_evaluations) {
  const size_t d = x0.size();
  size_t evaluations = 0;
  auto value = [&](const std::vector<double>& x) {
    ++evaluations;
    const double v = f(x);
    return std::isnan(v) ? std::numeric_limits<double>::infinity() : v;
  };
  std::vector<std::vector<double>> points(d + 1, x0);
  for (size_t i = 0; i < d; ++i) points[i + 1][i] += step;
  std::vector<double> values(d + 1);
  for (size_t i = 0; i <= d; ++i) values[i] = value(points[i]);
  std::vector<size_t> order(d + 1);

  auto along = [&](const std::vector<double>& centre, const std::vector<double>& worst,
                   double t) {
    std::vector<double> x(d);
    for (size_t j = 0; j < d; ++j) x[j] = centre[j] + t * (worst[j] - centre[j]);
    return x;
  };
  while (evaluations < max_evaluations) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
    const size_t best = order.front(), worst = order.back(), second = order[d - 1];
    if (std::fabs(values[worst] - values[best]) <= tolerance) break;
    std::vector<double> centre(d, 0.0);
    for (size_t i : order) {
      if (i == worst) continue;
      for (size_t j = 0; j < d; ++j) centre[j] += points[i][j] / static_cast<double>(d);
    }
    const std::vector<double> reflected = along(centre, points[worst], -1.0);
    const double fr = value(reflected);
    if (fr < values[best]) {
      const std::vector<double> expanded = along(centre, points[worst], -2.0);
      const double fe = value(expanded);
      if (fe < fr) {
        points[worst] = expanded, values[worst] = fe;
      } else {
        points[worst] = reflected, values[worst] = fr;
      }
      continue;
    }
    if (fr < values[second]) {
      points[worst] = reflected, values[worst] = fr;
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const bool outside = fr < values[worst];
    const std::vector<double> contracted = along(centre, points[worst], outside ? -0.5 : 0.5);
    const double fc = value(contracted);
    if (fc < std::min(fr, values[worst])) {
      points[worst] = contracted, values[worst] = fc;
      continue;
    }
    for (size_t i = 0; i <= d; ++i) {  // shrink towards the best point
      if (i == best) continue;
      for (size_t j = 0; j < d; ++j) points[i][j] = points[best][j] + 0.5 * (points[i][j] - points[best][j]);
      values[i] = value(points[i]);
    }
  }
  const size_t best = static_cast<size_t>(std::min_element(values.begin(), values.end()) - values.begin());
  return Minimum{points[best], values[best], evaluations};
}

}  // namespace hedgecalc
