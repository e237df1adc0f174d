#include "cli/date_range_option.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;

TEST_CASE("the bounds --from and --to are inclusive, and a --to date keeps its whole day",
          "[date_range]") {
  PriceSeries s;
  const Timestamp hour = 3600 * kNanosPerSecond;
  for (int i = 0; i < 10 * 24; ++i) {
    s.time.push_back(i * hour);
    s.price.push_back(i);
    s.line.push_back(static_cast<std::uint32_t>(i));
  }
  restrict_to_range(s, parse_date_range("1970-01-02", "1970-01-03"));
  REQUIRE(s.size() == 48);
  CHECK(s.time.front() == kNanosPerDay);
  CHECK(s.time.back() == 3 * kNanosPerDay - hour);

  restrict_to_range(s, parse_date_range("", "1970-01-02T05:00"));
  CHECK(s.size() == 6);
}

TEST_CASE("bad bounds are usage errors", "[date_range]") {
  CHECK_THROWS_AS(parse_date_range("someday", ""), UsageError);
  CHECK_THROWS_AS(parse_date_range("2024-02-01", "2024-01-01"), UsageError);
}
