#include "hedgecalc/ewma.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace hedgecalc;

TEST_CASE("EWMA equals the weighted moments written out in full", "[ewma]") {
  // Reference: weights lambda^(t-i), weighted means and covariances, in long double.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  std::vector<double> t, p;
  for (int i = 0; i < 400; ++i) {
    p.push_back(0.02 * normal(rng));
    t.push_back(1.1 * p.back() + 0.01 * normal(rng));
  }
  const double lambda = 0.94;
  const EwmaSeries e = ewma_hedge(t, p, lambda);
  for (size_t end : {1ul, 2ul, 10ul, 150ul, 399ul}) {
    long double w_sum = 0, mx = 0, my = 0;
    for (size_t i = 0; i <= end; ++i) {
      const long double w = std::pow(static_cast<long double>(lambda), end - i);
      w_sum += w, mx += w * p[i], my += w * t[i];
    }
    mx /= w_sum, my /= w_sum;
    long double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i <= end; ++i) {
      const long double w = std::pow(static_cast<long double>(lambda), end - i);
      sxx += w * (p[i] - mx) * (p[i] - mx);
      syy += w * (t[i] - my) * (t[i] - my);
      sxy += w * (p[i] - mx) * (t[i] - my);
    }
    INFO("date " << end);
    CHECK(e.hedge_ratio[end] == Approx(static_cast<double>(sxy / sxx)).epsilon(1e-12));
    CHECK(e.correlation[end] ==
          Approx(static_cast<double>(sxy / std::sqrt(sxx * syy))).epsilon(1e-12));
  }
  CHECK(std::isnan(e.hedge_ratio[0]));
}

TEST_CASE("EWMA of constant stretches is undefined, not garbage", "[ewma]") {
  const EwmaSeries e = ewma_hedge({0.01, 0.02, 0.0, 0.01}, {0.0, 0.0, 0.0, 0.0}, 0.9);
  for (double v : e.hedge_ratio) CHECK(std::isnan(v));
  for (double v : e.correlation) CHECK(std::isnan(v));
}

// Zero or negative half-lives and lambdas outside (0, 1) are refused by the command line
// (tests/cli/cli_nothing_silent_test.cpp); the estimators assert them.
TEST_CASE("half-life", "[ewma]") {
  CHECK(lambda_from_halflife(1) == Approx(0.5).epsilon(1e-15));
  CHECK(std::pow(lambda_from_halflife(10), 10) == Approx(0.5).epsilon(1e-14));
}
