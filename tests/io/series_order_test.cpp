#include "io/series_order.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {
PriceSeries series(std::vector<Timestamp> time, std::vector<double> price) {
  PriceSeries s;
  s.file = "s.csv";
  s.column = "Close";
  s.time = std::move(time);
  s.price = std::move(price);
  for (size_t i = 0; i < s.time.size(); ++i) s.line.push_back(static_cast<std::uint32_t>(i + 2));
  return s;
}
}  // namespace

TEST_CASE("newest-first files are reversed", "[series_order]") {
  PriceSeries s = series({3 * kNanosPerDay, 2 * kNanosPerDay, kNanosPerDay}, {3, 2, 1});
  sort_by_time(s);
  CHECK(s.price == std::vector<double>{1, 2, 3});
  CHECK(s.line == std::vector<std::uint32_t>{4, 3, 2});
}

TEST_CASE("conflicting duplicates name both lines in file order", "[series_order]") {
  PriceSeries s = series({kNanosPerDay, 2 * kNanosPerDay, kNanosPerDay}, {1, 2, 1.5});
  CHECK_THROWS_WITH(sort_by_time(s), Contains("s.csv:4:") && Contains("1970-01-02 appears twice") &&
                                         Contains("line 2: 1, line 4: 1.5"));
}
