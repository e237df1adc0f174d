#include "hedgecalc/returns.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "hedgecalc/executor.hpp"
#include <cmath>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

TEST_CASE("simple, log and diff returns on consecutive aligned rows", "[returns]") {
  AlignedPrices prices;
  prices.time = {10, 20, 30};
  prices.prices = {{100, 110, 99}, {2, 2, 4}};
  const ReturnSeries simple = compute_returns(prices, ReturnKind::kSimple);
  CHECK(simple.time == std::vector<Timestamp>{20, 30});
  CHECK(simple.values[0][0] == 110.0 / 100.0 - 1.0);
  CHECK(simple.values[0][1] == 99.0 / 110.0 - 1.0);
  CHECK(simple.values[1] == std::vector<double>{0.0, 1.0});
  CHECK(compute_returns(prices, ReturnKind::kLog).values[1][1] == std::log(2.0));
  CHECK(compute_returns(prices, ReturnKind::kDiff).values[0] == std::vector<double>{10, -11});
  const ReturnSeries none = compute_returns(prices, ReturnKind::kNone);
  CHECK(none.size() == 3);
  CHECK(none.values[0] == prices.prices[0]);
}

TEST_CASE("non-positive prices name the line for simple and log only", "[returns]") {
  PriceSeries s;
  s.file = "p.csv";
  s.column = "Close";
  s.time = {1, 2};
  s.price = {1.0, 0.0};
  s.line = {2, 3};
  CHECK_THROWS_WITH(require_positive_prices(s, ReturnKind::kLog),
                    Contains("p.csv:3: column \"Close\": price 0 is not positive"));
  CHECK_NOTHROW(require_positive_prices(s, ReturnKind::kDiff));
  CHECK_NOTHROW(require_positive_prices(s, ReturnKind::kNone));
}

TEST_CASE("return kinds by name", "[returns]") {
  CHECK(std::string(return_kind_name(ReturnKind::kDiff)) == "diff");
  CHECK(std::string(return_kind_name(ReturnKind::kNone)) == "none");
}

TEST_CASE("every K-th row counted back from the last", "[returns]") {
  AlignedPrices prices;
  prices.time = {1, 2, 3, 4, 5, 6, 7};
  prices.prices = {{10, 11, 12, 13, 14, 15, 16}};
  // 7 rows, K = 3: rows 0, 3, 6 (no remainder); K = 4: rows 2, 6 (the oldest 2 dropped).
  CHECK(every_kth_row(prices, 3).time == std::vector<Timestamp>{1, 4, 7});
  CHECK(every_kth_row(prices, 4).time == std::vector<Timestamp>{3, 7});
  CHECK(every_kth_row(prices, 4).prices[0] == std::vector<double>{12, 16});
  CHECK(every_kth_row(prices, 1).time.size() == 7);
}

TEST_CASE("returns are the same on any number of threads", "[returns]") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> step(0.98, 1.02);
  AlignedPrices prices;
  prices.prices.resize(3);
  double level[3] = {100, 50, 7};
  for (int i = 0; i < 5000; ++i) {
    prices.time.push_back(i * kNanosPerDay);
    for (size_t k = 0; k < 3; ++k) prices.prices[k].push_back(level[k] *= step(rng));
  }
  for (ReturnKind kind : {ReturnKind::kSimple, ReturnKind::kLog, ReturnKind::kDiff, ReturnKind::kNone}) {
    const ReturnSeries one = compute_returns(prices, kind);
    const ReturnSeries many = compute_returns(prices, kind, Executor(3));
    CHECK(many.time == one.time);
    CHECK(many.values == one.values);
    CHECK(one.values[2].size() == (kind == ReturnKind::kNone ? 5000u : 4999u));
  }
}

TEST_CASE("returns into used buffers are the returns into fresh ones", "[returns]") {
  // Longer, shorter, one row (no returns), then prices taken as they are.
  AlignedPrices longer, shorter, single;
  longer.time = {1, 2, 3, 4, 5};
  longer.prices = {{10, 11, 12, 11, 10}, {5, 5.5, 6, 6, 5}};
  shorter.time = {7, 8, 9};
  shorter.prices = {{3, 4, 2}, {8, 9, 9}};
  single.time = {4};
  single.prices = {{1}, {2}};
  const std::vector<std::pair<const AlignedPrices*, ReturnKind>> runs = {
      {&longer, ReturnKind::kSimple},
      {&shorter, ReturnKind::kLog},
      {&single, ReturnKind::kDiff},
      {&shorter, ReturnKind::kNone},
      {&longer, ReturnKind::kDiff}};
  ReturnSeries reused;
  for (const auto& [prices, kind] : runs) {
    compute_returns(*prices, kind, Executor(1), reused);
    const ReturnSeries fresh = compute_returns(*prices, kind);
    CHECK(reused.time == fresh.time);
    CHECK(reused.values == fresh.values);
  }
  CHECK(reused.values[0] == std::vector<double>{1, 1, -1, -1});
}
