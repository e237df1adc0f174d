// Risk beyond variance: every --risk field against numpy and scipy
// (tests/golden/risk.csv), the quantile by selection against a full sort, small cases by
// hand, and the bad inputs.

#include "hedgecalc/risk.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "golden.hpp"
#include "process.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

TEST_CASE("every risk field matches numpy and scipy", "[risk]") {
  // tests/golden/make_risk_golden.py; 1e-9 relative.
  const auto golden = parse_csv_table(source_file_text("tests/golden/risk.csv"));
  std::map<std::string, std::map<std::string, std::string>> cases;
  std::map<std::string, std::string> args;
  for (const auto& row : golden) {
    cases[row.at("case")][row.at("field")] = row.at("value");
    args[row.at("case")] = row.at("args");
  }
  REQUIRE(cases.size() == 6);
  for (const auto& [name, fields] : cases) {
    const ProcessResult r = run_hedgecalc("--format csv " + args[name]);
    INFO(name << ": " << args[name] << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    // A basket prints one row per proxy; the risk fields repeat.
    const auto row = parse_csv_table(r.out).front();
    for (const auto& [field, want] : fields) {
      const std::string column = "risk_" + field;
      INFO(column << " golden " << want);
      REQUIRE(row.count(column) == 1);
      INFO("hedgecalc " << row.at(column));
      CHECK(close_enough(want, row.at(column), 1e-9));
    }
  }
}

TEST_CASE("the quantile by selection equals numpy's linear rule on a sorted copy", "[risk]") {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  for (size_t n : {1, 2, 3, 10, 101, 1000}) {
    std::vector<double> x(n);
    for (double& v : x) v = normal(rng);
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    for (double q : {0.0, 0.01, 0.05, 0.5, 0.95, 0.99, 1.0}) {
      const double position = q * static_cast<double>(n - 1);
      const size_t low = static_cast<size_t>(std::floor(position));
      const size_t high = std::min(low + 1, n - 1);
      const double expected = sorted[low] + (position - static_cast<double>(low)) * (sorted[high] - sorted[low]);
      INFO("n " << n << ", q " << q);
      CHECK(quantile(x, q) == Approx(expected).epsilon(1e-15).margin(1e-300));
    }
  }
  CHECK(std::isnan(quantile({}, 0.5)));
}

TEST_CASE("risk measures small enough to check by hand", "[risk]") {
  // Returns +10%, -20%, +5%, -10%: the value goes 1.1, 0.88, 0.924, 0.8316.
  const std::vector<double> x = {0.10, -0.20, 0.05, -0.10};
  const RiskMeasures m = risk_measures(x, 0.75, ReturnKind::kSimple);
  CHECK(m.lpm2 == Approx((0.04 + 0.01) / 4));
  // The 25% quantile of (-0.2, -0.1, 0.05, 0.1) sits at position 0.75: -0.2 + 0.75 x 0.1.
  CHECK(m.var == Approx(0.125));
  CHECK(m.es == Approx(0.2));  // only -0.2 is at or below -0.125
  // Peak 1.1, trough 0.8316: a fall of 24.4%.
  CHECK(m.max_drawdown == Approx(1 - 0.8316 / 1.1));
  // In price units (diff): the path 0, 0.1, -0.1, -0.05, -0.15 falls 0.25 from 0.1.
  CHECK(risk_measures(x, 0.75, ReturnKind::kDiff).max_drawdown == Approx(0.25));
  // A hedge that changes nothing cuts nothing, and its variance test finds nothing.
  const RiskReport same = risk_report(x, x, 0.75, ReturnKind::kSimple);
  CHECK(same.reduction_variance == Approx(0.0).margin(1e-15));
  CHECK(same.reduction_max_drawdown == Approx(0.0).margin(1e-15));
  // A series that only rises has no drawdown: its cut is undefined, not a number.
  const RiskReport up = risk_report({0.01, 0.02, 0.01}, {0.0, 0.01, 0.0}, 0.95, ReturnKind::kSimple);
  CHECK(std::isnan(up.reduction_max_drawdown));
}

TEST_CASE("the risk table reads as a report", "[risk][cli]") {
  const ProcessResult r = run_hedgecalc("--risk --window 60 --rebalance 5 data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("  risk            unhedged    hedged      cut     out of sample"));
  CHECK_THAT(r.out, Contains("    VaR 95%       0.09999     0.06193     38.1%   0.06315"));
  CHECK_THAT(r.out, Contains("the variance cut is significant at 5%"));
}

TEST_CASE("bad risk options are usage errors", "[risk][cli]") {
  for (const std::string args : {"--risk --var-level 1", "--risk --var-level 0", "--risk --var-level 1.5",
                                 "--risk --var-level nan", "--var-level 0.99"}) {
    const ProcessResult r = run_hedgecalc(args + " data/token.csv data/btc.csv");
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
}
