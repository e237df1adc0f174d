// src/estimate/log_sum.hpp: the inline std::frexp against std::frexp itself, to the bit,
// and the blocked sum of logarithms against one logarithm per value.

#include "estimate/log_sum.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace hedgecalc;

namespace {

std::uint64_t bits_of(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace

TEST_CASE("fraction_and_power is std::frexp to the bit", "[log_sum]") {
  using limits = std::numeric_limits<double>;
  std::vector<double> values = {1.0,
                                0.5,
                                0.75,
                                2.0,
                                3.5,
                                -3.5,
                                1e-300,
                                1e300,
                                limits::min(),
                                limits::max(),
                                limits::denorm_min(),
                                1e-310,
                                -1e-310,
                                0.0,
                                -0.0,
                                limits::infinity(),
                                -limits::infinity()};
  std::mt19937_64 rng(20261204);
  std::uniform_real_distribution<double> exponent(-1070, 1020), sign(-1, 1);
  for (int i = 0; i < 2000; ++i) {
    values.push_back(std::copysign(std::exp2(exponent(rng)), sign(rng)));
  }
  for (const double value : values) {
    INFO("value " << value);
    long power = 7;  // added to, not set
    const double fraction = fraction_and_power(value, power);
    int expected_power = 0;
    const double expected = std::frexp(value, &expected_power);
    CHECK(bits_of(fraction) == bits_of(expected));
    CHECK(power == 7 + expected_power);
  }
  long power = 0;
  CHECK(std::isnan(fraction_and_power(std::nan(""), power)));
}

TEST_CASE("LogSum adds the logarithms of its values", "[log_sum]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-40, 40);
  for (const size_t count : {0, 1, 15, 16, 17, 1000}) {
    LogSum sum;
    long double expected = 0;
    for (size_t i = 0; i < count; ++i) {
      // Blocks of 16 values of up to 2^40 leave a double's range: those take the
      // logarithm of each value instead.
      const double value = std::exp2(i % 100 < 50 ? exponent(rng) / 20 : exponent(rng) * 20);
      sum.add(value);
      expected += std::log(static_cast<long double>(value));
    }
    INFO(count << " values");
    CHECK(sum.total() == Approx(static_cast<double>(expected)).epsilon(1e-14).margin(1e-12));
  }
}
