// Hedge accounting tests: a worked example by hand, Hull's jet-fuel hedge and two more
// cases against scipy (tests/golden/accounting.csv), the verdict in the table, exit 3
// and batch alarms, and the bad inputs.

#include "hedgecalc/hedge_accounting.hpp"

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "process.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

TEST_CASE("hedge accounting on four periods checked by hand", "[accounting]") {
  // The item loses or gains 100, 200, 50, 100; the hedge offsets 95%, 95%, 110%, 98%.
  const std::vector<double> item = {100, -200, 50, -100};
  const std::vector<double> hedge = {-95, 190, -55, 98};
  const AccountingTests a = accounting_tests(item, hedge);
  // Deviations from the means -37.5 and 34.5: Sxy = -54,875, Sxx = 56,875, Syy = 52,993.
  CHECK(a.regression_slope == Approx(-54875.0 / 56875.0));
  CHECK(a.regression_r_squared == Approx(54875.0 * 54875.0 / (56875.0 * 52993.0)));
  CHECK(a.regression_p < 0.01);
  CHECK(a.regression_pass);
  // Cumulative: the hedge made 138 while the item lost 150.
  CHECK(a.dollar_offset == Approx(-138.0 / 150.0));
  CHECK(a.dollar_offset_pass);
  CHECK(a.periods_in_range == 4);
  CHECK(a.periods == 4);
  CHECK(a.pass());
  // Half a hedge: the dollar offset of 90 / -150 = -0.6 is outside 0.8 to 1.25.
  const AccountingTests half = accounting_tests(item, {-50, 100, -20, 60});
  CHECK(half.dollar_offset == Approx(-0.6));
  CHECK_FALSE(half.dollar_offset_pass);
  CHECK_FALSE(half.pass());
  CHECK(half.periods_in_range == 0);
  // A hedge that moves with the item, not against it, fails the regression test.
  CHECK_FALSE(accounting_tests(item, {95, -190, 55, -98}).regression_pass);
}

TEST_CASE("item 12: a hedge that moves with the item fails the dollar-offset test", "[accounting]") {
  // Ratio +1 doubles the loss: sum(hedge) / sum(item) = +1, inside 0.8-1.25 in size only.
  const std::vector<double> item = {100, -200, 50, -100};
  const AccountingTests with = accounting_tests(item, {95, -190, 55, -98});
  CHECK(with.dollar_offset == Approx(138.0 / 150.0));
  CHECK_FALSE(with.dollar_offset_pass);
  CHECK(with.periods_in_range == 0);
  CHECK_FALSE(with.pass());
  // The bounds themselves: -1.25 and -0.8 pass, just outside them fails.
  CHECK(accounting_tests({100}, {-125}).dollar_offset_pass);
  CHECK(accounting_tests({100}, {-80}).dollar_offset_pass);
  CHECK_FALSE(accounting_tests({100}, {-79.9}).dollar_offset_pass);
  CHECK_FALSE(accounting_tests({100}, {-125.1}).dollar_offset_pass);
  CHECK_FALSE(accounting_tests({100}, {100}).dollar_offset_pass);
}

TEST_CASE("accounting fields match scipy, Hull's jet-fuel hedge among them", "[accounting]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/accounting.csv"));
  std::map<std::string, std::map<std::string, std::string>> cases;
  std::map<std::string, std::string> args;
  for (const auto& row : golden) {
    cases[row.at("case")][row.at("field")] = row.at("value");
    args[row.at("case")] = row.at("args");
  }
  REQUIRE(cases.size() == 3);
  for (const auto& [name, fields] : cases) {
    const ProcessResult r = run_hedgecalc("--format csv " + args[name]);
    INFO(name << ": " << args[name] << "\n" << r.err);
    const bool pass = fields.at("regression_pass") == "true" && fields.at("dollar_offset_pass") == "true";
    CHECK(r.exit_code == (pass ? 0 : 3));
    const auto row = parse_csv_row(r.out);
    for (const auto& [field, want] : fields) {
      const std::string got = row.at("accounting_" + field);
      INFO(field << " golden " << want << ", hedgecalc " << got);
      if (field.find("pass") != std::string::npos || field.rfind("periods", 0) == 0) {
        CHECK(got == want);
      } else {
        CHECK(close_enough(want, got, 1e-9));
      }
    }
  }
  CHECK(cases.at("hull_jet_fuel").at("regression_pass") == "true");
}

TEST_CASE("the accounting verdict reads first, with the numbers that decided it",
          "[accounting][cli]") {
  const ProcessResult pass = run_hedgecalc(
      "--accounting --returns diff --exposure 2000000 --contract-size 42000 data/jetfuel.csv data/heatingoil.csv");
  CHECK(pass.exit_code == 0);
  CHECK_THAT(pass.out, Contains("accounting      PASS: the hedge qualifies under both tests"));
  const ProcessResult fail = run_hedgecalc("--accounting --exposure 1000000 data/token.csv data/btc.csv");
  CHECK(fail.exit_code == 3);
  CHECK_THAT(fail.out, Contains("FAIL: the regression test fails"));
  CHECK_THAT(fail.out, Contains("FAIL  regression: slope -0.5512 (needs -1.25 to -0.8), R^2 0.5512"));
  CHECK_THAT(fail.err, Contains("hedge accounting: the regression test"));
  // In batch a failed test is an alarm row with every field.
  const ProcessResult batch = run_hedgecalc("batch --quiet --format csv --accounting --exposure 1000000 data/watchlist.csv");
  CHECK(batch.exit_code == 3);
  const auto rows = parse_csv_table(batch.out);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].at("status") == "alarm");
  CHECK(rows[4].at("id") == "jetfuel_heatingoil");
}

TEST_CASE("accounting without a position, or of a basket, is a usage error", "[accounting][cli]") {
  for (const std::string args : {"--accounting data/token.csv data/btc.csv",
                                 "--accounting --exposure 1000 data/acme.csv data/index.csv data/btc.csv"}) {
    const ProcessResult r = run_hedgecalc(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
}
