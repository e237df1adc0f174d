#include "cli/window_option.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;

TEST_CASE("a window option reads a count of returns or a duration", "[window]") {
  const RollingWindow count = parse_window("60");
  CHECK(count.count == 60);
  CHECK(count.span == 0);
  CHECK(count.text == "60");
  const RollingWindow days = parse_window("30d");
  CHECK(days.count == 0);
  CHECK(days.span == 30 * kNanosPerDay);
  CHECK(parse_window("12h").span == 12 * 3600 * kNanosPerSecond);
  CHECK(parse_window("2w").span == 14 * kNanosPerDay);
}

TEST_CASE("a window option refuses a window of fewer than 2 returns, 0d and other text",
          "[window]") {
  CHECK_THROWS_WITH(parse_window("1"), "--window 1: a window needs at least 2 returns");
  CHECK_THROWS_WITH(parse_window("0d"), "--window 0d: a time window must be longer than 0");
  CHECK_THROWS_AS(parse_window("sixty"), UsageError);
  CHECK_THROWS_AS(parse_window(""), UsageError);
}
