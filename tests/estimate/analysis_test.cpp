#include "hedgecalc/analysis.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/analysis_sections.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/json_reporter.hpp"

using namespace hedgecalc;

namespace {

// A random walk of `rows` daily prices starting at day `first`.
PriceSeries walk(const std::string& name, size_t rows, Timestamp first, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> step(0.0, 0.01);
  PriceSeries s;
  s.file = name;
  s.column = "close";
  double price = 100;
  for (size_t i = 0; i < rows; ++i) {
    s.time.push_back((first + static_cast<Timestamp>(i)) * kNanosPerDay);
    s.price.push_back(price *= 1.0 + step(rng));
    s.line.push_back(static_cast<std::uint32_t>(i + 2));
  }
  return s;
}

std::string as_json(const Analysis& analysis) {
  std::ostringstream out;
  JsonReporter(out, /*compact=*/true).write(analysis_record(analysis));
  return out.str();
}

}  // namespace

TEST_CASE("an analysis in a worker's reused buffers is the analysis in fresh ones", "[analysis]") {
  // Pairs as a batch worker meets them: long, short, one that fails (no shared dates),
  // a basket, long again. Each record must be byte for byte the fresh analysis'.
  const PriceSeries a = walk("a", 400, 0, 1), b = walk("b", 380, 10, 2);
  const PriceSeries c = walk("c", 60, 5, 3), d = walk("d", 70, 0, 4);
  const PriceSeries far = walk("far", 50, 5000, 5);
  const std::vector<std::vector<const PriceSeries*>> pairs = {
      {&a, &b}, {&c, &d}, {&a, &far}, {&a, &b, &d}, {&b, &a}};
  AnalysisOptions options;
  options.window.count = 20;
  options.window.text = "20";
  AnalysisScratch scratch;
  size_t failed = 0;
  for (const auto& series : pairs) {
    std::string fresh;
    try {
      fresh = as_json(analyse(series, options));
    } catch (const DataError&) {
      CHECK_THROWS_AS(analyse(series, options, Executor(1), &scratch), DataError);
      ++failed;
      continue;
    }
    Analysis reused = analyse(series, options, Executor(1), &scratch);
    CHECK(as_json(reused) == fresh);
    recycle(std::move(reused), scratch);
  }
  CHECK(failed == 1);
  CHECK_FALSE(scratch.returns.time.empty());  // the last pair's buffers came back
}
