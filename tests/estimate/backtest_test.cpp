#include "hedgecalc/backtest.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace hedgecalc;

TEST_CASE("each block is hedged with the ratio known when it starts", "[backtest]") {
  // W = 2, K = 2: blocks start at t = 2 (ratio[1]) and t = 4 (ratio[3]).
  const std::vector<double> t = {0.0, 0.0, 1.0, 2.0, 3.0, 5.0};
  const std::vector<double> p = {0.0, 0.0, 1.0, 1.0, 1.0, 2.0};
  const std::vector<double> ratio = {NAN, 0.5, 9.0, 2.0, 9.0, 9.0};
  const Backtest b = run_backtest(t, p, ratio, 2, 2, 1.0);
  CHECK(b.n == 4);
  // Hedged: 1-0.5, 2-0.5, 3-2, 5-4 = 0.5, 1.5, 1, 1 ; target 1, 2, 3, 5.
  auto var = [](std::vector<double> v) {
    double m = 0;
    for (double x : v) m += x;
    m /= v.size();
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / (v.size() - 1);
  };
  const double var_t = var({1, 2, 3, 5});
  CHECK(b.effectiveness == Approx(1 - var({0.5, 1.5, 1, 1}) / var_t).epsilon(1e-14));
  CHECK(b.effectiveness_naive == Approx(1 - var({0, 1, 2, 3}) / var_t).epsilon(1e-14));
  CHECK(b.effectiveness_in_sample == Approx(1 - var({0, 1, 2, 3}) / var_t).epsilon(1e-14));
}

TEST_CASE("hedged returns use the previous date's ratio", "[backtest]") {
  const auto h = hedged_returns({1, 2, 3}, {1, 1, 1}, {0.5, 1.5, 9});
  CHECK(std::isnan(h[0]));
  CHECK(h[1] == 1.5);
  CHECK(h[2] == 1.5);
}
