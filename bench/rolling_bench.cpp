// Rolling-window throughput against the cost of loading the file that feeds it
// (issue: the rolling pass must not grow with W and must cost less than loading).
//
//   cmake -S . -B build -G Ninja -DHEDGECALC_BENCH=ON && cmake --build build
//   build/bench/rolling_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "hedgecalc/loader.hpp"
#include "hedgecalc/timestamp.hpp"
#include "hedgecalc/rolling.hpp"

namespace {

// Returns of a correlated pair, generated once per size.
const std::pair<std::vector<double>, std::vector<double>>& returns(size_t n) {
  static std::vector<std::pair<size_t, std::pair<std::vector<double>, std::vector<double>>>> cache;
  for (const auto& [size, data] : cache) {
    if (size == n) return data;
  }
  std::mt19937_64 rng(n);
  std::normal_distribution<double> normal;
  std::vector<double> t(n), p(n);
  for (size_t i = 0; i < n; ++i) {
    p[i] = 0.001 * normal(rng);
    t[i] = 0.8 * p[i] + 0.0007 * normal(rng);
  }
  cache.emplace_back(n, std::make_pair(std::move(t), std::move(p)));
  return cache.back().second;
}

// One-minute bars with ISO timestamps, "2024-01-01T00:00:00Z,42261.61", as a file
// export would hold them.
std::string minute_bars(size_t n) {
  std::string csv = "timestamp,close\n";
  csv.reserve(n * 32);
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  double price = 42000;
  char line[64];
  const long long start = 1704067200;  // 2024-01-01T00:00:00Z
  for (size_t i = 0; i < n; ++i) {
    const long long t = start + static_cast<long long>(i) * 60;
    const std::string stamp = hedgecalc::format_timestamp(t * hedgecalc::kNanosPerSecond, false);
    price *= 1 + 0.0005 * normal(rng);
    const int length = std::snprintf(line, sizeof line, "%s,%.2f\n", stamp.c_str(), price);
    csv.append(line, static_cast<size_t>(length));
  }
  return csv;
}

void BM_Rolling(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const size_t window = static_cast<size_t>(state.range(1));
  const auto& [t, p] = returns(n);
  for (auto _ : state) {
    hedgecalc::RollingSeries r = hedgecalc::rolling_hedge(t, p, window);
    benchmark::DoNotOptimize(r.hedge_ratio.data());
  }
  state.counters["returns/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_LoadSeries(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::string csv = minute_bars(n);
  for (auto _ : state) {
    hedgecalc::PriceSeries s = hedgecalc::load_series(csv, "bars.csv", std::nullopt, {});
    benchmark::DoNotOptimize(s.price.data());
  }
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(csv.size()));
}

}  // namespace

BENCHMARK(BM_Rolling)
    ->ArgsProduct({{1'000'000, 5'000'000}, {20, 1'440, 100'000}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_LoadSeries)->Arg(1'000'000)->Arg(5'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
