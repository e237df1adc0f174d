// StreamingJoin, the join and returns of rows arriving one at a time: equal, bit for bit,
// to align_inner + compute_returns on the same rows, whatever the order in which the
// series' rows arrive; and the rows it must refuse.

#include "hedgecalc/streaming_join.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "hedgecalc/align.hpp"
#include "hedgecalc/error.hpp"

using namespace hedgecalc;

namespace {

PriceSeries random_series(const std::string& file, unsigned seed, size_t rows) {
  std::mt19937 random(seed);
  PriceSeries s;
  s.file = file;
  s.column = "close";
  Timestamp t = 0;
  double price = 100;
  for (size_t i = 0; i < rows; ++i) {
    t += std::uniform_int_distribution<int>(1, 3)(random) * kNanosPerDay;  // gaps: unmatched rows
    price *= 1 + std::normal_distribution<double>(0, 0.01)(random);
    s.time.push_back(t);
    s.price.push_back(price);
    s.line.push_back(static_cast<std::uint32_t>(i + 2));
  }
  return s;
}

}  // namespace

TEST_CASE("a streaming join gives align_inner's returns, bit for bit", "[align][follow]") {
  const std::vector<PriceSeries> series{random_series("a.csv", 1, 500), random_series("b.csv", 2, 450),
                                        random_series("c.csv", 3, 520)};
  for (ReturnKind kind : {ReturnKind::kSimple, ReturnKind::kLog, ReturnKind::kDiff, ReturnKind::kNone}) {
    const ReturnSeries whole = compute_returns(align_inner({&series[0], &series[1], &series[2]}), kind);
    StreamingJoin join({"a.csv", "b.csv", "c.csv"}, {"close", "close", "close"}, kind, DateRange{});
    // The rows arrive interleaved at random, each series in its own order.
    std::mt19937 random(7);
    std::vector<size_t> next(3, 0);
    ReturnSeries streamed;
    streamed.values.resize(3);
    std::vector<double> values;
    double proxy_price = 0;
    Timestamp time = 0;
    while (next[0] < 500 || next[1] < 450 || next[2] < 520) {
      const size_t k = std::uniform_int_distribution<size_t>(0, 2)(random);
      if (next[k] == series[k].size()) continue;
      const size_t i = next[k]++;
      join.add(k, series[k].time[i], series[k].price[i], series[k].line[i]);
      while (join.next(time, values, proxy_price)) {
        streamed.time.push_back(time);
        for (size_t j = 0; j < 3; ++j) streamed.values[j].push_back(values[j]);
      }
    }
    CHECK(streamed.time == whole.time);
    CHECK(streamed.values == whole.values);
  }
}

TEST_CASE("a streaming join refuses rows out of order, conflicting repeats and bad prices",
          "[align][follow]") {
  StreamingJoin join({"a.csv", "b.csv"}, {"close", "px"}, ReturnKind::kLog, DateRange{});
  join.add(0, 2 * kNanosPerDay, 10, 2);
  join.add(0, 2 * kNanosPerDay, 10, 3);  // an identical repeat is dropped, as the loader does
  CHECK_THROWS_WITH(join.add(0, kNanosPerDay, 10, 4),
                    Catch::Contains("a.csv:4: column \"close\": this row's date comes before line 2's"));
  CHECK_THROWS_WITH(join.add(0, 2 * kNanosPerDay, 11, 5), Catch::Contains("a.csv:5: column \"close\": the same date as line 2"));
  CHECK_THROWS_WITH(join.add(1, kNanosPerDay, -1, 7), Catch::Contains("b.csv:7: column \"px\": -1 is not a positive price"));

  DateRange range;
  range.from = 3 * kNanosPerDay;
  StreamingJoin cut({"a.csv", "b.csv"}, {"close", "px"}, ReturnKind::kSimple, range);
  cut.add(0, kNanosPerDay, -5, 2);  // before --from: neither joined nor checked
  cut.add(1, kNanosPerDay, 1, 2);
  Timestamp time;
  std::vector<double> values;
  double price;
  CHECK_FALSE(cut.next(time, values, price));
}
