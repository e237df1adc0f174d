// Order statistics by a sampled bracket against a full sort, on data shaped to mislead
// the sample (sorted, periodic with the sample's stride, heavy ties, a few huge values)
// as well as plain random data, at every rank a quantile or median asks for.

#include "estimate/order_statistics.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace hedgecalc;

namespace {

// Checks ranks 0, the tails, the middle and the last against a sorted copy.
void check_ranks(const std::vector<double>& values) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const size_t n = values.size();
  for (const size_t k :
       {size_t{0}, n / 100, n / 20, n / 2 - 1, n / 2, n - 1 - n / 20, n - 2, n - 1}) {
    INFO("n " << n << " k " << k);
    const AdjacentOrder got = order_statistics(values, k);
    CHECK(got.kth == sorted[k]);
    CHECK(got.next == sorted[std::min(k + 1, n - 1)]);
  }
  const double middle = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  CHECK(median_of(values) == middle);
}

}  // namespace

TEST_CASE("order statistics equal a full sort's on many shapes of data", "[order_statistics]") {
  std::mt19937_64 random(7);
  std::normal_distribution<double> normal;
  for (const size_t n : {size_t{5}, size_t{1000}, size_t{20001}, size_t{300000}, size_t{300001}}) {
    std::vector<double> values(n);
    SECTION("normal, n " + std::to_string(n)) {
      for (double& v : values) v = normal(random);
      check_ranks(values);
    }
    SECTION("sorted and reversed, n " + std::to_string(n)) {
      for (size_t i = 0; i < n; ++i) values[i] = static_cast<double>(i) * 1e-3;
      check_ranks(values);
      std::reverse(values.begin(), values.end());
      check_ranks(values);
    }
    SECTION("ties and outliers, n " + std::to_string(n)) {
      for (size_t i = 0; i < n; ++i) values[i] = static_cast<double>(i % 3);
      values[n / 3] = 1e300;
      values[n / 4] = -1e300;
      check_ranks(values);
    }
    SECTION("constant, n " + std::to_string(n)) {
      std::fill(values.begin(), values.end(), 1e9);
      check_ranks(values);
    }
    SECTION("periodic with the sample's stride, n " + std::to_string(n)) {
      // Every value the sample sees is the largest: the bracket misses and the full
      // selection must take over.
      const size_t stride = std::max<size_t>(1, n / 8192);
      for (size_t i = 0; i < n; ++i) values[i] = i % stride == stride / 2 ? 1e6 : normal(random);
      check_ranks(values);
    }
  }
}
