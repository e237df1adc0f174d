#include "estimate/moments.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using namespace hedgecalc;

TEST_CASE("two-pass moments keep precision at a large level", "[moments]") {
  // Values 1e9 + {0, 1e-6, 2e-6...}: raw sums of squares would lose every digit.
  std::vector<double> x, y;
  for (int i = 0; i < 1000; ++i) {
    x.push_back(1e9 + i * 1e-6 * 1024);  // multiples of 2^-10*1024: exactly representable steps
    y.push_back(-3.0 * i);
  }
  const PairMoments m = pair_moments(x, y);
  // Reference: sum (i - 499.5)^2 = n(n^2-1)/12 for i = 0..n-1.
  const double n = 1000;
  const double step = 1e-6 * 1024;
  const double sii = n * (n * n - 1) / 12;
  CHECK(m.sxx == Approx(sii * step * step).epsilon(1e-6));
  CHECK(m.sxy == Approx(-3 * step * sii).epsilon(1e-6));
  CHECK(correlation(m) == Approx(-1.0).epsilon(1e-12));
  CHECK(correlation(m) >= -1.0);
}

TEST_CASE("constant series have undefined correlation", "[moments]") {
  const PairMoments m = pair_moments({5, 5, 5}, {1, 2, 3});
  CHECK(m.sxx == 0);
  CHECK(std::isnan(correlation(m)));
}

TEST_CASE("sample variance uses n-1", "[moments]") {
  CHECK(sample_variance({1, 2, 3, 4}) == Approx(5.0 / 3.0).epsilon(1e-15));
  CHECK(std::isnan(sample_variance({1})));
  CHECK(mean({1e16, 1, -1e16}) == Approx(1.0 / 3.0).margin(2));
}

namespace {

// The moments in long double with a plain loop per sum: the reference.
struct WideMoments {
  long double mean_x = 0, mean_y = 0, sxx = 0, syy = 0, sxy = 0;
};

WideMoments wide_moments(const std::vector<double>& x, const std::vector<double>& y) {
  WideMoments w;
  const long double n = static_cast<long double>(x.size());
  for (size_t i = 0; i < x.size(); ++i) w.mean_x += x[i], w.mean_y += y[i];
  w.mean_x /= n, w.mean_y /= n;
  for (size_t i = 0; i < x.size(); ++i) {
    const long double dx = x[i] - w.mean_x, dy = y[i] - w.mean_y;
    w.sxx += dx * dx, w.syy += dy * dy, w.sxy += dx * dy;
  }
  return w;
}

}  // namespace

TEST_CASE("moments in four partial sums: every tail length, and a long series", "[moments]") {
  // Lengths 1 to 13 leave 0 to 3 rows after the last block of four: the padded block
  // must add exactly nothing. Then 100,003 returns with a level, where the partial sums
  // must be as close to the long double reference as one long sum would be.
  std::mt19937 rng(11);
  std::normal_distribution<double> noise(0.0, 0.01);
  for (size_t n : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u, 13u, 100003u}) {
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) x[i] = 0.5 + noise(rng), y[i] = 0.7 * x[i] + noise(rng);
    const PairMoments m = pair_moments(x, y);
    const WideMoments w = wide_moments(x, y);
    const double tolerance = 1e-14 * std::sqrt(static_cast<double>(n));
    CHECK(m.n == n);
    CHECK(m.mean_x == Approx(static_cast<double>(w.mean_x)).epsilon(tolerance));
    CHECK(m.mean_y == Approx(static_cast<double>(w.mean_y)).epsilon(tolerance));
    CHECK(m.sxx == Approx(static_cast<double>(w.sxx)).epsilon(tolerance).margin(1e-300));
    CHECK(m.syy == Approx(static_cast<double>(w.syy)).epsilon(tolerance).margin(1e-300));
    CHECK(m.sxy == Approx(static_cast<double>(w.sxy)).epsilon(tolerance).margin(1e-300));
  }
}
