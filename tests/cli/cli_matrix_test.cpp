// End to end: `hedgecalc matrix` through the built binary.

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
const std::string kWide = "tests/data/shapes/wide.csv";
}

TEST_CASE("matrix rows equal single analyses of each pair", "[cli][matrix]") {
  const ProcessResult r = run_hedgecalc("matrix --format csv " + kWide);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("target,proxy,n,hedge_ratio,correlation,effectiveness\n"));
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 6);
  for (const auto& row : rows) {
    const auto single =
        parse_csv_row(run_hedgecalc("--format csv " + row.at("target") + " " + row.at("proxy")).out);
    INFO(row.at("target") << " on " << row.at("proxy"));
    CHECK(row.at("n") == single.at("n"));
    for (const char* field : {"hedge_ratio", "correlation", "effectiveness"}) {
      CHECK(close_enough(single.at(field), row.at(field), 1e-10));
    }
  }
}

TEST_CASE("matrix --best, --layout wide and the other formats", "[cli][matrix]") {
  const auto best = parse_csv_table(run_hedgecalc("matrix --format csv --best " + kWide).out);
  REQUIRE(best.size() == 3);
  CHECK(best[0].at("target") == kWide + ":^GSPC");
  CHECK(best[0].at("proxy") == kWide + ":ETH-USD");  // 0.034 beats BTC's 0.0032
  const ProcessResult wide =
      run_hedgecalc("matrix --format csv --layout wide --field n " + kWide);
  CHECK_THAT(wide.out, StartsWith("target," + kWide + ":^GSPC," + kWide + ":BTC-USD," + kWide +
                                  ":ETH-USD\n" + kWide + ":^GSPC,,38,33\n"));
  const ProcessResult nd = run_hedgecalc("matrix --format ndjson " + kWide);
  CHECK(std::count(nd.out.begin(), nd.out.end(), '\n') == 6);
  const ProcessResult table = run_hedgecalc("matrix " + kWide);
  CHECK_THAT(table.out, StartsWith("target ") && Contains("effectiveness"));
}

TEST_CASE("matrix errors", "[cli][matrix]") {
  CHECK(run_hedgecalc("matrix --window 5 " + kWide).exit_code == 2);
  CHECK(run_hedgecalc("matrix --best --layout wide " + kWide).exit_code == 2);
  const ProcessResult one = run_hedgecalc("matrix tests/data/five_rows.csv");
  CHECK(one.exit_code == 1);
  CHECK_THAT(one.err, Contains("at least two price columns"));
  const ProcessResult bad = run_hedgecalc("matrix tests/data/errors/bad_utf8_name.csv tests/data/bad_number.csv");
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Contains("bad_number.csv:4: column \"Close\""));
}
