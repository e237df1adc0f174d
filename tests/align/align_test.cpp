#include "hedgecalc/align.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <random>

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

TEST_CASE("as-of join takes the latest price at or before, within the gap", "[align]") {
  const PriceSeries target = series({1, 10, 20, 30, 40, 50});
  const PriceSeries proxy = series({5, 19, 20, 33});
  // 1 has no proxy price yet; an exact match (20) is taken; later times reuse 33.
  const AlignedPrices unlimited = align_asof({&target, &proxy}, -1);
  CHECK(unlimited.time == std::vector<Timestamp>{10, 20, 30, 40, 50});
  CHECK(unlimited.prices[1] == std::vector<double>{50, 200, 200, 330, 330});
  // With a gap of 7 (inclusive): 10<-5 (5), 20<-20 (0), 40<-33 (7) stay; 30<-20 (10)
  // and 50<-33 (17) go.
  const AlignedPrices within = align_asof({&target, &proxy}, 7);
  CHECK(within.time == std::vector<Timestamp>{10, 20, 40});
  CHECK(within.prices[1] == std::vector<double>{50, 200, 330});
  CHECK(within.prices[0] == std::vector<double>{100, 200, 400});
}

TEST_CASE("the joins count the rows each series loses", "[align]") {
  const PriceSeries a = series({1, 2, 3, 4, 5, 6, 7, 8});
  const PriceSeries b = series({2, 3, 4, 5, 8, 9});
  const PriceSeries c = series({0, 3, 5, 8});
  // Inner: every row not on a shared time.
  CHECK(align_inner({&a, &b}).unmatched == std::vector<size_t>{3, 1});
  CHECK(align_inner({&a, &b, &c}).unmatched == std::vector<size_t>{5, 3, 1});
  CHECK(align_inner({&a, &a}).unmatched == std::vector<size_t>{0, 0});
  // As of: a target time with no proxy price at or before it (a's 1), and proxy rows
  // that fill no target time (b's 9, after a's last time).
  const AlignedPrices asof = align_asof({&a, &b}, -1);
  CHECK(asof.time.size() == 7);  // a's 1 has no b price yet
  CHECK(asof.unmatched == std::vector<size_t>{1, 1});
  // With a gap limit, b's 5 fills 5 and 6 (within 1) but not 7.
  CHECK(align_asof({&a, &b}, 1).unmatched == std::vector<size_t>{2, 1});
  // c's 0 fills 1 and 2, 3 fills 3 and 4, ...: every row of c is used.
  CHECK(align_asof({&a, &c}, -1).unmatched == std::vector<size_t>{0, 0});
}

TEST_CASE("two series join as the intersection of their times, in long runs and short", "[align]") {
  // The two-series join copies runs of matching times in blocks: long matching stretches,
  // isolated gaps and clustered ones on either side, against a plain set intersection.
  std::mt19937 rng(5);
  for (int trial = 0; trial < 50; ++trial) {
    std::uniform_real_distribution<double> uniform;
    const double gap_rate = trial % 2 ? 0.01 : 0.3;
    PriceSeries a, b;
    for (int t = 0; t < 3000; ++t) {
      const Timestamp time = static_cast<Timestamp>(t) * kNanosPerDay;
      if (uniform(rng) > gap_rate) a.time.push_back(time), a.price.push_back(100 + t);
      if (uniform(rng) > gap_rate || t > 2000) b.time.push_back(time), b.price.push_back(-t);
    }
    std::vector<Timestamp> both;
    std::set_intersection(a.time.begin(), a.time.end(), b.time.begin(), b.time.end(),
                          std::back_inserter(both));
    const AlignedPrices joined = align_inner({&a, &b});
    INFO("trial " << trial);
    REQUIRE(joined.time == both);
    for (size_t r = 0; r < both.size(); ++r) {
      const double day = static_cast<double>(both[r] / kNanosPerDay);
      CHECK(joined.prices[0][r] == 100 + day);
      CHECK(joined.prices[1][r] == -day);
    }
    CHECK(joined.unmatched == std::vector<size_t>{a.size() - both.size(), b.size() - both.size()});
  }
}

TEST_CASE("a join into used buffers is the join into fresh ones", "[align]") {
  // A batch worker joins pair after pair into the same buffers: longer, shorter, a
  // basket, then a pair again; every result must be what a fresh join gives.
  const PriceSeries long_a = series({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  const PriceSeries long_b = series({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  const PriceSeries short_a = series({2, 4, 6});
  const PriceSeries short_b = series({1, 2, 3, 6, 7});
  const std::vector<std::vector<const PriceSeries*>> joins = {
      {&long_a, &long_b}, {&short_a, &short_b}, {&long_a, &short_a, &short_b}, {&short_b, &long_b}};
  AlignedPrices reused;
  for (const auto& join : joins) {
    align_inner(join, reused);
    const AlignedPrices fresh = align_inner(join);
    CHECK(reused.time == fresh.time);
    CHECK(reused.prices == fresh.prices);
    CHECK(reused.unmatched == fresh.unmatched);
  }
  CHECK(reused.time == std::vector<Timestamp>{1, 2, 3, 6, 7});
}
