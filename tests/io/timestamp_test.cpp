#include "hedgecalc/timestamp.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>
#include <random>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;

namespace {
// 2024-01-31T00:00:00Z in Unix seconds, from `date -u -d 2024-01-31 +%s`.
constexpr Timestamp kJan31 = 1706659200LL * kNanosPerSecond;

Timestamp parse(const char* text) {
  auto parsed = parse_timestamp(text);
  REQUIRE(parsed);
  return parsed->time;
}
}  // namespace

TEST_CASE("ISO dates in the contract's spellings", "[timestamp]") {
  CHECK(parse("2024-01-31") == kJan31);
  CHECK(parse("2024/01/31") == kJan31);
  CHECK(parse("20240131") == kJan31);
  CHECK(parse(" 2024-01-31 ") == kJan31);
  CHECK(parse_timestamp("2024-01-31")->style == DateStyle::kIsoDash);
  CHECK(parse_timestamp("20240131")->style == DateStyle::kCompact);
}

TEST_CASE("times, fractions and offsets convert to UTC", "[timestamp]") {
  const Timestamp hour = 3600 * kNanosPerSecond;
  CHECK(parse("2024-01-31 10:00") == kJan31 + 10 * hour);
  CHECK(parse("2024-01-31T10:00:30") == kJan31 + 10 * hour + 30 * kNanosPerSecond);
  CHECK(parse("2024-01-31T10:00:30.25Z") == kJan31 + 10 * hour + 30 * kNanosPerSecond + 250'000'000);
  CHECK(parse("2024-01-31 00:00:00 UTC") == kJan31);
  CHECK(parse("2024-01-31T10:00:00+02:00") == kJan31 + 8 * hour);
  CHECK(parse("2024-01-31T10:00:00-05:30") == kJan31 + 15 * hour + 30 * 60 * kNanosPerSecond);
}

TEST_CASE("Unix epochs by digit count", "[timestamp]") {
  CHECK(parse("1706659200") == kJan31);
  CHECK(parse("1706659200000") == kJan31);
  CHECK(parse("1706659200000000") == kJan31);
  CHECK(parse("1706659200000000000") == kJan31);
  CHECK(parse_timestamp("1706659200000")->style == DateStyle::kEpochMillis);
  CHECK_FALSE(parse_timestamp("17066592000"));        // 11 digits: no such epoch
  CHECK_FALSE(parse_timestamp("9999999999999999999"));  // beyond int64 nanoseconds
}

TEST_CASE("DD-Mon-YY and DD-Mon-YYYY", "[timestamp]") {
  CHECK(parse("31-Jan-24") == kJan31);
  CHECK(parse("31-jan-2024") == kJan31);
  CHECK(format_timestamp(parse("19-Sep-03"), true) == "2003-09-19");
  CHECK(format_timestamp(parse("19-Sep-70"), true) == "1970-09-19");
  CHECK(format_timestamp(parse("1-Mar-99"), true) == "1999-03-01");
}

TEST_CASE("impossible or ambiguous dates are rejected", "[timestamp]") {
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "01/02/2024",
                          "2024-01-31T25:00", "2024-01-31 10:61", "2024-1-31", "31-Foo-24",
                          "", "yesterday", "2024-01-31X", "2024-01-31T", "2024-01-31 +0x:00"}) {
    INFO(bad);
    CHECK_FALSE(parse_timestamp(bad));
  }
  CHECK(parse_timestamp("2024-02-29"));  // a leap day
  CHECK(parse_timestamp("2000-02-29"));
  CHECK_FALSE(parse_timestamp("1900-02-29"));
}

TEST_CASE("days_from_civil matches known day numbers", "[timestamp]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);  // `date -u -d 2000-03-01 +%s` / 86400
  CHECK(days_from_civil(1969, 12, 31) == -1);
}

TEST_CASE("format_timestamp prints dates, times and fractions in ISO 8601", "[timestamp]") {
  CHECK(format_timestamp(kJan31, true) == "2024-01-31");
  CHECK(format_timestamp(kJan31 + 3723 * kNanosPerSecond, false) == "2024-01-31T01:02:03Z");
  CHECK(format_timestamp(kJan31 + 500'000'000, false) == "2024-01-31T00:00:00.5Z");
  CHECK(format_timestamp(-kNanosPerDay, true) == "1969-12-31");
  // Every day from 1696 to 2257 survives a round trip through text.
  for (std::int64_t day = -100000; day < 105000; day += 1) {  // 1696..2257
    const Timestamp t = day * kNanosPerDay;
    const auto back = parse_timestamp(format_timestamp(t, true));
    REQUIRE(back);
    REQUIRE(back->time == t);
  }
}

TEST_CASE("a --date-format reads strptime-style formats", "[timestamp]") {
  CHECK(DateFormat("%m/%d/%Y").parse("01/31/2024") == kJan31);
  CHECK(DateFormat("%d.%m.%Y").parse("31.01.2024") == kJan31);
  CHECK(DateFormat("%d %b %y %H:%M").parse("31 Jan 24 10:00") ==
        kJan31 + 10 * 3600 * kNanosPerSecond);
  CHECK_FALSE(DateFormat("%m/%d/%Y").parse("31/01/2024"));
  CHECK_FALSE(DateFormat("%m/%d/%Y").parse("01/31/2024 extra"));
  CHECK_THROWS_AS(DateFormat("%Q"), UsageError);
}

TEST_CASE("fixed-width ISO dates agree with timegm and reject what it would not", "[timestamp]") {
  // The fixed-offset path reads "YYYY-MM-DD[ T]HH:MM:SS[Z]" on its own; glibc's timegm is
  // the independent reference for its arithmetic, across leap years and centuries.
  std::mt19937 rng(17);
  std::uniform_int_distribution<int> year(1678, 2261), month(1, 12), day(1, 31), hour(0, 23),
      minute(0, 59), second(0, 59);
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    std::tm parts{};
    parts.tm_year = year(rng) - 1900, parts.tm_mon = month(rng) - 1, parts.tm_mday = day(rng);
    parts.tm_hour = hour(rng), parts.tm_min = minute(rng), parts.tm_sec = second(rng);
    char date[64], with_time[128];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday);
    const char separator = i % 2 ? 'T' : ' ';
    std::snprintf(with_time, sizeof with_time, "%s%c%02d:%02d:%02d%s", date, separator,
                  parts.tm_hour, parts.tm_min, parts.tm_sec, i % 3 ? "" : "Z");
    const std::tm asked = parts;
    const std::time_t seconds = timegm(&parts);
    const bool real_day = parts.tm_mday == asked.tm_mday;  // timegm rolls Feb 30 over
    const auto parsed = parse_timestamp(with_time);
    INFO(with_time);
    REQUIRE(parsed.has_value() == real_day);
    if (!real_day) continue;
    CHECK(parsed->time == static_cast<Timestamp>(seconds) * kNanosPerSecond);
    CHECK(parsed->style == DateStyle::kIsoDash);
    const auto midnight = parse_timestamp(date);
    REQUIRE(midnight.has_value());
    CHECK(midnight->time == (static_cast<Timestamp>(seconds) -
                             (parts.tm_hour * 3600 + parts.tm_min * 60 + parts.tm_sec)) *
                                kNanosPerSecond);
    ++checked;
  }
  CHECK(checked > 15000);
  for (const char* bad : {"2024-13-01", "2024-02-30", "2023-02-29", "2024-01-01 24:00:00",
                          "2024-01-01 10:60:00", "2024-01-01 10:00:60", "2024-01-01X10:00:00",
                          "2024-01-01 10:00:00Y", "1677-12-31", "2262-01-01", "2024-0a-01"}) {
    INFO(bad);
    CHECK_FALSE(parse_timestamp(bad).has_value());
  }
}

TEST_CASE("format_timestamp writes what printf writes, at any time of day and year", "[timestamp]") {
  // The reference: printf's fields, the fraction with its trailing zeros dropped.
  auto reference = [](Timestamp time, bool date_only) {
    std::int64_t days = time / kNanosPerDay, within = time % kNanosPerDay;
    if (within < 0) within += kNanosPerDay, --days;
    const CivilDate d = civil_from_days(days);
    char text[96];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(d.year), d.month, d.day);
    if (date_only) return std::string(text);
    const long long seconds = within / kNanosPerSecond, nanos = within % kNanosPerSecond;
    std::string out = text;
    std::snprintf(text, sizeof text, "T%02lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
    out += text;
    if (nanos) {
      std::snprintf(text, sizeof text, ".%09lld", nanos);
      std::string fraction = text;
      while (fraction.back() == '0') fraction.pop_back();
      out += fraction;
    }
    return out + "Z";
  };
  std::mt19937_64 random(11);
  std::uniform_int_distribution<std::int64_t> any(INT64_MIN / 2, INT64_MAX / 2);
  std::vector<Timestamp> times{0, -1, 1, kNanosPerDay - 1, 946684800LL * kNanosPerSecond + 500000000,
                               INT64_MIN, INT64_MAX};  // 1677-09-21 and 2262-04-11
  for (int i = 0; i < 20000; ++i) times.push_back(any(random));
  for (int i = 0; i < 2000; ++i) times.push_back(any(random) / kNanosPerSecond * kNanosPerSecond);
  for (Timestamp t : times) {
    INFO(t);
    REQUIRE(format_timestamp(t, false) == reference(t, false));
    REQUIRE(format_timestamp(t, true) == reference(t, true));
  }
}
