// --horizons: one fit per K on non-overlapping K-period returns, against pandas and
// statsmodels (tests/golden/horizons.csv), and a horizon longer than the data.

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;

TEST_CASE("every horizon's fit matches statsmodels", "[horizons]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/horizons.csv"));
  std::map<std::string, std::string> args;
  for (const auto& row : golden) args[row.at("case")] = row.at("args");
  REQUIRE(args.size() == 2);
  for (const auto& [name, arguments] : args) {
    const ProcessResult r = run_hedgecalc("--format csv " + arguments);
    INFO(name << ": " << arguments << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    const auto row = parse_csv_row(r.out);
    // The columns are numbered in the order of --horizons.
    std::map<std::string, std::string> rank;
    for (int i = 1; row.count("horizons_" + std::to_string(i) + "_horizon"); ++i) {
      rank[row.at("horizons_" + std::to_string(i) + "_horizon")] = std::to_string(i);
    }
    size_t checked = 0;
    for (const auto& want : golden) {
      if (want.at("case") != name) continue;
      const std::string column = "horizons_" + rank.at(want.at("horizon")) + "_" + want.at("field");
      INFO(column << " golden " << want.at("value") << ", hedgecalc " << row.at(column));
      if (want.at("field") == "n") {
        CHECK(row.at(column) == want.at("value"));
      } else {
        CHECK(close_enough(want.at("value"), row.at(column), 1e-9));
      }
      ++checked;
    }
    CHECK(checked >= 15);
  }
}

TEST_CASE("a horizon longer than the data says so", "[horizons]") {
  const ProcessResult r = run_hedgecalc("--horizons 1,400 data/token.csv data/btc.csv");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("--horizons 400: 1 returns of 400 periods"));
  for (const std::string args : {"--horizons 0", "--horizons 5 --returns none", "--horizons x"}) {
    const ProcessResult bad = run_hedgecalc(args + " data/token.csv data/btc.csv");
    INFO(args << "\n" << bad.err);
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
  }
  const ProcessResult table = run_hedgecalc("--horizons 1,5,21 data/token.csv data/btc.csv");
  CHECK_THAT(table.out, Contains("  horizons        K      n      ratio     std error  correlation  effectiveness"));
}
