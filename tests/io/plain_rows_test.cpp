#include "io/plain_rows.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <random>
#include <string>

#include "hedgecalc/timestamp.hpp"

using namespace hedgecalc;

namespace {

// The general path's readings, for comparison: the contract's date parser and from_chars.
Timestamp general_time(const std::string& cell) {
  const auto parsed = parse_timestamp(cell);
  REQUIRE(parsed);
  CHECK(parsed->style == DateStyle::kIsoDash);
  return parsed->time;
}

double general_price(const std::string& cell) {
  double value = 0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  REQUIRE(error == std::errc());
  REQUIRE(end == cell.data() + cell.size());
  return value;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// A random number spelled as price files spell them: up to 20 digits, a point anywhere,
// sometimes leading zeros or an exponent.
std::string random_price(std::mt19937& rng) {
  std::uniform_int_distribution<int> digit(0, 9), count(1, 20), coin(0, 7);
  std::string text;
  const int digits = count(rng);
  for (int i = 0; i < digits; ++i) text += static_cast<char>('0' + digit(rng));
  if (coin(rng) > 0 && digits > 1) {
    text.insert(text.begin() + std::uniform_int_distribution<int>(1, digits - 1)(rng), '.');
  }
  if (coin(rng) == 0) text += "e" + std::to_string(digit(rng) - 4);
  return text;
}

}  // namespace

TEST_CASE("plain rows read the time and prices the general path reads", "[plain_rows]") {
  std::mt19937 rng(41);
  std::uniform_int_distribution<std::int64_t> second(-9'000'000'000LL, 9'000'000'000LL);
  std::uniform_int_distribution<int> shape(0, 3);
  PlainRows rows(',', 4, 1, {3, 0});  // prices in fields 3 and 0, the date in 1
  size_t read = 0;
  for (int i = 0; i < 50'000; ++i) {
    // Runs of rows on one day, then a jump: both the remembered day and a new one.
    const Timestamp time = (i % 7 == 0 ? second(rng) : second(rng) % 86'400) * kNanosPerSecond;
    std::string date = format_timestamp(time, false);  // 2024-01-31T10:00:00Z
    switch (shape(rng)) {
      case 0: date[10] = ' ', date.pop_back(); break;
      case 1: date.pop_back(); break;
      case 2: date = date.substr(0, 10); break;
      default: break;
    }
    const std::string first = random_price(rng), last = random_price(rng);
    const std::string line = first + "," + date + ",x y," + last + "\n";
    Timestamp got_time = 0;
    double got[2] = {0, 0};
    const size_t taken = rows.read(line, got_time, got);
    // Every such row is plain: a date of a fixed shape and numbers that fill their cells.
    CAPTURE(line);
    REQUIRE(taken == line.size());
    ++read;
    CHECK(got_time == general_time(date));
    CHECK(same_bits(got[0], general_price(last)));
    CHECK(same_bits(got[1], general_price(first)));
  }
  CHECK(read == 50'000);
}

TEST_CASE("rows of any other shape are left to the general path", "[plain_rows]") {
  PlainRows rows(',', 3, 0, {1});
  Timestamp time = 0;
  double price = 0;
  auto taken = [&](const std::string& line) { return rows.read(line, time, &price); };
  CHECK(taken("2024-01-31,1.5,x\n") == 17);
  CHECK(taken("2024-01-31,1.5,xyzw") == 19);  // a date of 10 bytes, 19 left unended
  CHECK(taken("2024-01-31,,x\n") == 14);      // an empty cell: no price on the row
  CHECK(std::isnan(price));
  for (const char* other : {
           "# 2024-01-31,1.5,x\n",            // a comment
           " 2024-01-31,1.5,x\n",             // a space first
           "\n",                              // a blank line
           "2024-01-31,\"1.5\",x\n",          // a quoted price
           "2024-01-31,1.5,\"x,y\"\n",        // a quoted skipped cell
           "2024-01-31,1.5\n",                // a field fewer
           "2024-01-31,1.5,x,y\n",            // a field more
           "2024-01-31,NA,x\n",               // a missing marker
           "2024-01-31,-1.5,x\n",             // a sign
           "2024-01-31,+1.5,x\n",
           "2024-01-31,.5,x\n",               // no leading digit
           "2024-01-31, 1.5,x\n",             // a space in the cell
           "2024-01-31,1.5 ,x\n",
           "2024-01-31,1e999,x\n",            // beyond the doubles
           "2024-01-31,1.5\r,x\n",            // a CR inside the row
           "2024/01/31,1.5,x\n",              // another date spelling
           "2024-01-31 10:00,1.5,x\n",        // a time without seconds
           "2024-02-30,1.5,x\n",              // no such day
           "2024-01-31 24:00:00,1.5,x\n",     // no such hour
           "1677-12-31,1.5,x\n",              // before the range of times
           "2024-01-31T10:00:00+01:00,1.5,x\n",  // an offset
       }) {
    CAPTURE(other);
    CHECK(taken(other) == 0);
  }
  CHECK(PlainRows('-', 2, 0, {1}).read("2024-01-31-1.5\n", time, &price) == 0);  // delimiter in a date
  CHECK(PlainRows(',', 3, 0, {1, 1}).read("2024-01-31,1.5,2\n", time, &price) == 0);  // one column twice
}

TEST_CASE("plain rows end as LineSource ends lines", "[plain_rows]") {
  PlainRows rows(';', 2, 0, {1});
  Timestamp time = 0;
  double price = 0;
  CHECK(rows.read("2024-01-31;2\nnext", time, &price) == 13);
  CHECK(rows.read("2024-01-31;2\r\nnext", time, &price) == 14);
  CHECK(rows.read("2024-01-31;2", time, &price) == 12);    // the last line, unended
  CHECK(rows.read("2024-01-31;2\r", time, &price) == 13);  // ended by a CR only
  CHECK(price == 2);
  CHECK(time == general_time("2024-01-31"));
}

TEST_CASE("the remembered month never outlives a date it could not read", "[timestamp]") {
  FixedIsoReader reader;
  struct {
    FixedIsoReader& reader;
    std::optional<Timestamp> read(const char* text) {
      Timestamp time = 0;
      return reader.read(text, time) ? std::optional<Timestamp>(time) : std::nullopt;
    }
  } dates{reader};
  CHECK(dates.read("2024-01-31 10:00:00") == general_time("2024-01-31 10:00:00"));
  CHECK_FALSE(dates.read("2024-02-30 10:00:00"));
  CHECK_FALSE(dates.read("2024-01-31 10:60:00"));
  CHECK(dates.read("2024-01-31T11:00:00Z") == general_time("2024-01-31T11:00:00Z"));
  CHECK(dates.read("2024-02-29") == general_time("2024-02-29"));
  CHECK_FALSE(dates.read("2023-02-29"));
  CHECK(dates.read("2024-02-29 23:59:59") == general_time("2024-02-29 23:59:59"));
  CHECK(dates.read("2023-02-28") == general_time("2023-02-28"));
  CHECK_FALSE(dates.read("2023-02-29"));  // the month remembered, its length too
  CHECK_FALSE(dates.read("2023-02-00"));
  CHECK(dates.read("2023-02-01") == general_time("2023-02-01"));
  CHECK_FALSE(dates.read("2023-13-01"));
  CHECK(dates.read("2023-12-31T23:59:59Z") == general_time("2023-12-31T23:59:59Z"));
}
