// The L-BFGS wrapper (src/estimate/gradient_minimum.*): it finds a smooth minimum inside
// a box and on its edge, and says whether it converged.

#include "estimate/gradient_minimum.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hedgecalc;

TEST_CASE("L-BFGS finds the minimum of Rosenbrock's valley and one on a bound", "[optimiser]") {
  const SmoothObjective rosenbrock = [](const std::vector<double>& v, std::vector<double>& g) {
    g[0] = -400 * v[0] * (v[1] - v[0] * v[0]) - 2 * (1 - v[0]);
    g[1] = 200 * (v[1] - v[0] * v[0]);
    return 100 * std::pow(v[1] - v[0] * v[0], 2) + std::pow(1 - v[0], 2);
  };
  const GradientMinimum inside = gradient_minimum(rosenbrock, {-1.2, 1.0}, {-5, -5}, {5, 5}, 1e-15, 1000);
  CHECK(inside.converged);
  CHECK(inside.x[0] == Approx(1.0).epsilon(1e-6));
  CHECK(inside.x[1] == Approx(1.0).epsilon(1e-6));
  // With x <= 0.5 the minimum is on the bound: x = 0.5, y = 0.25.
  const GradientMinimum edge = gradient_minimum(rosenbrock, {-1.2, 1.0}, {-5, -5}, {0.5, 5}, 1e-15, 1000);
  CHECK(edge.converged);
  CHECK(edge.x[0] == Approx(0.5).epsilon(1e-9));
  CHECK(edge.x[1] == Approx(0.25).epsilon(1e-6));
}

TEST_CASE("a search L-BFGS abandons is converged only where the gradient is below the tolerance",
          "[optimiser]") {
  // The reported gradient disagrees with the function, so the line search fails.
  const SmoothObjective small_slope = [](const std::vector<double>& v, std::vector<double>& g) {
    g[0] = -1e-4;
    return v[0] * v[0];
  };
  CHECK(gradient_minimum(small_slope, {1.0}, {-10}, {10}, 1e-12, 100, 1e-3).converged);
  CHECK_FALSE(gradient_minimum(small_slope, {1.0}, {-10}, {10}, 1e-12, 100, 1e-5).converged);
  CHECK_FALSE(gradient_minimum(small_slope, {1.0}, {-10}, {10}, 1e-12, 100).converged);
  const SmoothObjective wrong_slope = [](const std::vector<double>& v, std::vector<double>& g) {
    g[0] = -1.0;
    return v[0] * v[0];
  };
  CHECK_FALSE(gradient_minimum(wrong_slope, {1.0}, {-10}, {10}, 1e-12, 100, 1e-6).converged);
}
