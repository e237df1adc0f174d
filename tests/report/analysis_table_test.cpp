// The table of one analysis, rendered from hand-made numbers so that the expected text
// below is checked by eye, not by hedgecalc.

#include "hedgecalc/analysis_table.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "hedgecalc/timestamp.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {

Timestamp day(const char* text) { return parse_timestamp(text)->time; }

Analysis sample(ReturnKind kind, double ratio, double effectiveness) {
  Analysis a;
  a.labels = {"token.csv:price", "btc.csv:Adj Close"};
  a.kind = kind;
  HedgeAnalysis& full = a.full;
  full.n = 727;
  full.start = day("2023-01-02");
  full.end = day("2024-12-31");
  full.proxies = {ProxyEstimate{ratio, 0.04555, 29.8373, 1.2696, 1.4485}};
  full.intercept = 5.05e-05;
  full.correlation = 0.74243;
  full.r_squared = 0.55120;
  full.effectiveness = effectiveness;
  full.vol_target = 0.05722, full.vol_proxy = 0.03125, full.vol_hedged = 0.03833;
  a.alignment = {{731, 731}, {3, 0}, {1, 4}, {false, false}};
  return a;
}

std::string render(const Analysis& analysis, int precision = 4) {
  std::ostringstream out;
  write_analysis_table(out, analysis, precision);
  return out.str();
}

}  // namespace

TEST_CASE("table golden output", "[table]") {
  CHECK(render(sample(ReturnKind::kSimple, 1.359072, 0.5512)) ==
        "Hedging token.csv:price with btc.csv:Adj Close\n"
        "727 simple returns from 2023-01-02 to 2024-12-31\n"
        "target: 731 rows (+3 missing), 1 without a proxy price; proxy: 731 rows, 4 unmatched\n"
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

TEST_CASE("every line of the block fits 80 columns", "[table]") {
  // The heading's alignment line can be longer: it names counts of any size.
  std::istringstream lines(render(sample(ReturnKind::kSimple, 1.359072, 0.5512), 8));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("target: ", 0) != 0) CHECK(line.size() <= 80);
  }
}

TEST_CASE("the ratio in words: units for diff, buy for a negative ratio", "[table]") {
  CHECK_THAT(render(sample(ReturnKind::kDiff, 0.78, 0.5)),
             Contains("short 0.78 units of proxy per unit of target"));
  CHECK_THAT(render(sample(ReturnKind::kSimple, -0.5, 0.5)), Contains("buy 0.50 of proxy per 1 of target"));
  CHECK_THAT(render(sample(ReturnKind::kSimple, 1, NAN)), Contains("effectiveness   n/a         undefined"));
}

TEST_CASE("each section the options name is a block of the table", "[table]") {
  Analysis a = sample(ReturnKind::kSimple, 1.2, 0.5);
  a.sections.sizing = a.sections.trade = true;
  a.sizing = {Sizing{1e6, 20000, 1.2e6, 60, 6, 6, 10}};
  a.trade = Trade{-20, -60, -40, -4, -4, 0.6667, 0.05, "sell"};
  a.sections.accounting = true;
  a.accounting = AccountingTests{-0.95, 0.85, 0.001, true, -1.3, false, 500, 727};
  const std::string text = render(a);
  CHECK_THAT(text, Contains("    sizing        short 6 contracts (6.00) of proxy\n"
                            "                    60.00 units, notional 1200000.00 at proxy price 20000\n"));
  CHECK_THAT(text, Contains("    trade         sell 4 contracts (4.00): the hedge is 66.7% short of the target\n"));
  CHECK_THAT(text, Contains("  accounting      FAIL: the dollar-offset test fails\n"));
  CHECK_THAT(text, Contains("500 of 727 periods in range one by one"));
}
