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

TEST_CASE(
    "a search in coordinates scaled by their standard errors takes fewer steps and "
    "reports the minimum in the caller's coordinates",
    "[optimiser]") {
  // A quadratic whose curvatures differ by 1e8: a unit step is far too long in one
  // coordinate and far too short in the other.
  const std::vector<double> start{0.3, 0.7}, curvature{1e6, 1e-2};
  std::vector<std::vector<double>> asked;
  const SmoothObjective quadratic = [&](const std::vector<double>& v, std::vector<double>& g) {
    asked.push_back(v);
    g[0] = curvature[0] * (v[0] - 0.1);
    g[1] = curvature[1] * (v[1] - 20);
    return 0.5 * (curvature[0] * std::pow(v[0] - 0.1, 2) + curvature[1] * std::pow(v[1] - 20, 2));
  };
  const std::vector<double> lower{-100, -100}, upper{100, 100};
  const GradientMinimum plain = gradient_minimum(quadratic, start, lower, upper, 1e-15, 1000);
  asked.clear();
  const std::vector<double> standard_errors{1 / std::sqrt(curvature[0]),
                                            1 / std::sqrt(curvature[1])};
  const GradientMinimum scaled =
      scaled_gradient_minimum(quadratic, start, lower, upper, standard_errors, 1e-15, 1000);
  CHECK(scaled.converged);
  CHECK(scaled.x[0] == Approx(0.1).epsilon(1e-7));
  CHECK(scaled.x[1] == Approx(20).epsilon(1e-7));
  CHECK(scaled.evaluations < plain.evaluations);
  // The first point asked for is the start itself, bit for bit, and every one is in the box.
  REQUIRE_FALSE(asked.empty());
  CHECK(asked.front() == start);
  for (const std::vector<double>& v : asked)
    CHECK((v[0] >= -100 && v[0] <= 100 && v[1] >= -100 && v[1] <= 100));
}

TEST_CASE("a coordinate's scale is a standard error, within its bounds", "[optimiser]") {
  CHECK(standard_error_scale(4, 1e-8, 3) == 0.5);
  CHECK(standard_error_scale(0, 1e-8, 3) == 3);  // flat: no information
  CHECK(standard_error_scale(std::nan(""), 1e-8, 3) == 3);
  CHECK(standard_error_scale(1e30, 1e-8, 3) == 1e-8);
  CHECK(standard_error_scale(0.01, 1e-8, 3) == 3);
}
