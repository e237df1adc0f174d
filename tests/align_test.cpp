#include "hedgecalc/align.hpp"

#include <catch2/catch.hpp>

using namespace hedgecalc;

namespace {
PriceSeries series(std::vector<Timestamp> time) {
  PriceSeries s;
  s.time = time;
  for (Timestamp t : time) s.price.push_back(static_cast<double>(t) * 10);
  s.line.assign(time.size(), 0);
  return s;
}
}  // namespace

TEST_CASE("inner join keeps the timestamps every series has", "[align]") {
  // Crypto every day, equity on weekdays with a gap: only shared days survive.
  const PriceSeries a = series({1, 2, 3, 4, 5, 6, 7, 8});
  const PriceSeries b = series({2, 3, 4, 5, 8, 9});
  const PriceSeries c = series({0, 3, 5, 8});
  const AlignedPrices ab = align_inner({&a, &b});
  CHECK(ab.time == std::vector<Timestamp>{2, 3, 4, 5, 8});
  CHECK(ab.prices[1] == std::vector<double>{20, 30, 40, 50, 80});
  const AlignedPrices abc = align_inner({&a, &b, &c});
  CHECK(abc.time == std::vector<Timestamp>{3, 5, 8});
  CHECK(abc.prices[2] == std::vector<double>{30, 50, 80});
}

TEST_CASE("disjoint series align to nothing", "[align]") {
  const PriceSeries a = series({1, 2});
  const PriceSeries b = series({3, 4});
  CHECK(align_inner({&a, &b}).time.empty());
}
