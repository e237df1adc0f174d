#include "report/number_format.hpp"

#include <catch2/catch.hpp>
#include <charconv>
#include <cstring>
#include <cmath>
#include <random>

using namespace hedgecalc;

TEST_CASE("machine formats print the shortest text that reads back exactly", "[format]") {
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(1e-300) == "1e-300");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(1.0 / 3.0) == "0.3333333333333333");
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<std::uint64_t> bits;
  for (int i = 0; i < 100000; ++i) {
    const std::uint64_t raw = bits(rng);
    double value;
    std::memcpy(&value, &raw, sizeof value);
    if (!std::isfinite(value)) continue;
    const std::string text = format_number(value);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    REQUIRE(std::memcmp(&back, &value, sizeof value) == 0);
  }
}

TEST_CASE("people formats", "[format]") {
  CHECK(format_significant(0.831234, 4) == "0.8312");
  CHECK(format_significant(39.5678, 4) == "39.57");
  CHECK(format_fixed(0.8312, 2) == "0.83");
}
