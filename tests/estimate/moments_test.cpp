#include "estimate/moments.hpp"

#include <catch2/catch.hpp>
#include <cmath>

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
