#include "hedgecalc/resample.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;

namespace {
Timestamp at(int y, unsigned m, unsigned d, int hour = 0) {
  return days_from_civil(y, m, d) * kNanosPerDay + hour * 3600 * kNanosPerSecond;
}
}  // namespace

TEST_CASE("period ends: the day, the ISO week's Sunday, the month's last day", "[resample]") {
  // 2024-01-03 was a Wednesday; 2024-02 has 29 days; 2023-12-31 was a Sunday.
  CHECK(period_end(at(2024, 1, 3, 15), Frequency::kDaily) == at(2024, 1, 3));
  CHECK(period_end(at(2024, 1, 3, 15), Frequency::kWeekly) == at(2024, 1, 7));
  CHECK(period_end(at(2024, 1, 1), Frequency::kWeekly) == at(2024, 1, 7));  // a Monday
  CHECK(period_end(at(2023, 12, 31, 23), Frequency::kWeekly) == at(2023, 12, 31));
  CHECK(period_end(at(2024, 2, 10), Frequency::kMonthly) == at(2024, 2, 29));
  CHECK(period_end(at(2023, 12, 5), Frequency::kMonthly) == at(2023, 12, 31));
}

TEST_CASE("the last observation of each period is kept with its line", "[resample]") {
  PriceSeries s;
  s.time = {at(2024, 1, 1, 9), at(2024, 1, 1, 16), at(2024, 1, 3, 9), at(2024, 1, 9, 9)};
  s.price = {1, 2, 3, 4};
  s.line = {2, 3, 4, 5};
  PriceSeries daily = s;
  resample_last(daily, Frequency::kDaily);
  CHECK(daily.time == std::vector<Timestamp>{at(2024, 1, 1), at(2024, 1, 3), at(2024, 1, 9)});
  CHECK(daily.price == std::vector<double>{2, 3, 4});
  CHECK(daily.line == std::vector<std::uint32_t>{3, 4, 5});
  resample_last(s, Frequency::kWeekly);
  CHECK(s.time == std::vector<Timestamp>{at(2024, 1, 7), at(2024, 1, 14)});
  CHECK(s.price == std::vector<double>{3, 4});
}

TEST_CASE("durations", "[resample]") {
  CHECK(parse_duration("90s") == 90 * kNanosPerSecond);
  CHECK(parse_duration("15m") == 900 * kNanosPerSecond);
  CHECK(parse_duration("2h") == 7200 * kNanosPerSecond);
  CHECK(parse_duration("3d") == 3 * kNanosPerDay);
  CHECK(parse_duration("1w") == 7 * kNanosPerDay);
  CHECK(parse_duration("250ms") == 250'000'000);
  CHECK_FALSE(parse_duration("2 hours"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("-5s"));
}
