#include "estimate/ols.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace hedgecalc;

TEST_CASE("one regressor matches the textbook two-pass formulas", "[ols]") {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  const int n = 500;
  Eigen::VectorXd y(n);
  Eigen::MatrixXd X(n, 1);
  for (int i = 0; i < n; ++i) {
    X(i, 0) = 0.02 * normal(rng);
    y(i) = 0.001 + 0.7 * X(i, 0) + 0.01 * normal(rng);
  }
  // Reference in long double: h = Sxy/Sxx, s^2 = SSR/(n-2), se = sqrt(s^2/Sxx).
  long double mx = 0, my = 0;
  for (int i = 0; i < n; ++i) mx += X(i, 0), my += y(i);
  mx /= n, my /= n;
  long double sxx = 0, sxy = 0, syy = 0;
  for (int i = 0; i < n; ++i) {
    sxx += (X(i, 0) - mx) * (X(i, 0) - mx);
    sxy += (X(i, 0) - mx) * (y(i) - my);
    syy += (y(i) - my) * (y(i) - my);
  }
  const long double h = sxy / sxx;
  long double ssr = 0;
  for (int i = 0; i < n; ++i) {
    const long double e = y(i) - (my - h * mx) - h * X(i, 0);
    ssr += e * e;
  }
  const OlsFit fit = fit_ols(y, X, true);
  CHECK(fit.rank == 1);
  CHECK(fit.dof == n - 2);
  CHECK(fit.coefficients[0] == Approx(static_cast<double>(h)).epsilon(1e-13));
  CHECK(fit.intercept == Approx(static_cast<double>(my - h * mx)).epsilon(1e-11));
  CHECK(fit.ssr == Approx(static_cast<double>(ssr)).epsilon(1e-12));
  CHECK(fit.std_errors[0] ==
        Approx(static_cast<double>(std::sqrt(ssr / (n - 2) / sxx))).epsilon(1e-12));
  CHECK(fit.r_squared == Approx(static_cast<double>(1 - ssr / syy)).epsilon(1e-12));
}

TEST_CASE("two regressors match the normal equations solved exactly", "[ols]") {
  // y = 1 + 2 x1 - 3 x2 exactly: the fit must recover it with zero residuals.
  const int n = 50;
  Eigen::MatrixXd X(n, 2);
  Eigen::VectorXd y(n);
  for (int i = 0; i < n; ++i) {
    X(i, 0) = std::sin(i);
    X(i, 1) = std::cos(3 * i);
    y(i) = 1 + 2 * X(i, 0) - 3 * X(i, 1);
  }
  const OlsFit fit = fit_ols(y, X, true);
  CHECK(fit.coefficients[0] == Approx(2).epsilon(1e-13));
  CHECK(fit.coefficients[1] == Approx(-3).epsilon(1e-13));
  CHECK(fit.intercept == Approx(1).epsilon(1e-13));
  CHECK(fit.ssr < 1e-25);
}

TEST_CASE("a constant regressor or dependent regressors lower the rank", "[ols]") {
  Eigen::MatrixXd X(4, 2);
  X << 1, 2, 2, 4, 3, 6, 4, 8;
  Eigen::VectorXd y(4);
  y << 1, 3, 2, 5;
  CHECK(fit_ols(y, X, true).rank == 1);
  Eigen::MatrixXd constant = Eigen::MatrixXd::Constant(4, 1, 7.0);
  CHECK(fit_ols(y, constant, true).rank == 0);
}

TEST_CASE("without an intercept the line goes through the origin", "[ols]") {
  Eigen::MatrixXd X(3, 1);
  X << 1, 2, 3;
  Eigen::VectorXd y(3);
  y << 2, 4, 6.5;
  const OlsFit fit = fit_ols(y, X, false);
  // Through the origin: h = sum(xy)/sum(x^2) = 29.5/14.
  CHECK(fit.coefficients[0] == Approx(29.5 / 14).epsilon(1e-15));
  CHECK(fit.intercept == 0);
  CHECK(fit.dof == 2);
}
