#include "hedgecalc/table_reporter.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using namespace hedgecalc;

namespace {
// Hand-made numbers, so the expected text below is checked by eye, not by hedgecalc.
Value sample(const char* returns, double ratio, double effectiveness) {
  Value record = Value::object();
  record.add("target", Value::string("token.csv:price"))
      .add("proxy", Value::string("btc.csv:Adj Close"))
      .add("returns", Value::string(returns))
      .add("n", Value::integer(727))
      .add("start", Value::string("2023-01-02"))
      .add("end", Value::string("2024-12-31"))
      .add("hedge_ratio", Value::number(ratio))
      .add("std_error", Value::number(0.04555))
      .add("t_stat", Value::number(29.8373))
      .add("ci_low", Value::number(1.2696))
      .add("ci_high", Value::number(1.4485))
      .add("confidence", Value::number(0.95))
      .add("intercept", Value::number(5.05e-05))
      .add("correlation", Value::number(0.74243))
      .add("r_squared", Value::number(0.55120))
      .add("effectiveness", Value::number(effectiveness))
      .add("vol_target", Value::number(0.05722))
      .add("vol_proxy", Value::number(0.03125))
      .add("vol_hedged", Value::number(0.03833));
  return record;
}

std::string render(const Value& record, int precision = 4) {
  std::ostringstream out;
  TableReporter reporter(out, precision);
  reporter.write(record);
  reporter.finish();
  return out.str();
}
}  // namespace

TEST_CASE("table golden output", "[table]") {
  CHECK(render(sample("simple", 1.359072, 0.5512)) ==
        "Hedging token.csv:price with btc.csv:Adj Close\n"
        "727 simple returns from 2023-01-02 to 2024-12-31\n"
        "\n"
        "  hedge ratio     1.359       short 1.36 of proxy per 1 of target\n"
        "    std error     0.04555     t = 29.84\n"
        "    95% interval  1.27        to 1.448\n"
        "  intercept       5.05e-05    per period\n"
        "  correlation     0.7424\n"
        "  R squared       0.5512\n"
        "  effectiveness   0.5512      the hedge removes 55.1% of the target's variance\n"
        "  volatility      target 0.05722, proxy 0.03125, hedged 0.03833 (per period)\n");
}

TEST_CASE("every table line fits 80 columns", "[table]") {
  std::istringstream lines(render(sample("simple", 1.359072, 0.5512), 8));
  std::string line;
  while (std::getline(lines, line)) CHECK(line.size() <= 80);
}

TEST_CASE("the ratio in words: units for diff, buy for a negative ratio", "[table]") {
  CHECK_THAT(render(sample("diff", 0.78, 0.5)),
             Catch::Matchers::Contains("short 0.78 units of proxy per unit of target"));
  CHECK_THAT(render(sample("simple", -0.5, 0.5)),
             Catch::Matchers::Contains("buy 0.50 of proxy per 1 of target"));
  CHECK_THAT(render(sample("simple", 1, NAN)),
             Catch::Matchers::Contains("effectiveness   n/a         undefined"));
}
