// Time-span, expanding and --min-obs windows, and the backtests over them, end to end
// against pandas (tests/golden/windows.csv and window_backtest.csv, made by
// tests/golden/make_window_golden.py).

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "golden.hpp"
#include "process.hpp"

namespace {

std::string quoted(const std::string& argument) {
  return "'" + argument + "'";
}

}  // namespace

TEST_CASE("time-span, expanding and min-obs windows agree with pandas on every date",
          "[golden][windows]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/windows.csv"));
  std::map<std::string, std::vector<std::map<std::string, std::string>>> by_case;
  for (const auto& row : golden) by_case[row.at("case")].push_back(row);
  REQUIRE(by_case.size() == 6);
  for (const auto& [name, rows] : by_case) {
    const auto& first = rows.front();
    const ProcessResult r =
        run_hedgecalc("--series --format csv " + first.at("options") + " " +
                      quoted(first.at("target")) + " " + quoted(first.at("proxy")));
    INFO("case " << name << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto actual = parse_csv_table(r.out);
    REQUIRE(actual.size() == rows.size());
    size_t defined = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      INFO("date " << rows[i].at("date"));
      REQUIRE(actual[i].at("date") == rows[i].at("date"));
      for (const char* field : {"hedge_ratio", "correlation", "effectiveness"}) {
        INFO(field << ": pandas " << rows[i].at(field) << ", hedgecalc " << actual[i].at(field));
        CHECK(close_enough(rows[i].at(field), actual[i].at(field), 1e-10));
      }
      defined += !rows[i].at("hedge_ratio").empty();
    }
    CHECK(defined > rows.size() / 2);  // the comparison is not of empty cells
  }
}

TEST_CASE("backtests over those windows agree with a plain loop", "[golden][windows]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/window_backtest.csv"));
  REQUIRE(golden.size() == 5);
  const auto windows = parse_csv_table(source_file_text("tests/golden/windows.csv"));
  for (const auto& expected : golden) {
    std::string target, proxy;
    for (const auto& row : windows) {
      if (row.at("case") == expected.at("case")) target = row.at("target"), proxy = row.at("proxy");
    }
    const ProcessResult r = run_hedgecalc("--format csv --rebalance 5 " + expected.at("options") +
                                          " " + quoted(target) + " " + quoted(proxy));
    INFO(expected.at("case") << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto row = parse_csv_row(r.out);
    CHECK(row.at("backtest_n") == expected.at("n"));
    CHECK(close_enough(expected.at("effectiveness"), row.at("backtest_effectiveness"), 1e-10));
  }
}

TEST_CASE("window options that make no sense are usage errors", "[windows]") {
  for (const char* options :
       {"--window 0d", "--window 0", "--window 1", "--window 30x", "--window 30d --expanding",
        "--min-obs 5", "--window 10 --min-obs 11", "--min-obs 0 --window 10"}) {
    INFO(options);
    const ProcessResult r = run_hedgecalc(std::string(options) + " data/token.csv data/btc.csv");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  const ProcessResult span =
      run_hedgecalc("--format json --window 30d data/token.csv data/btc.csv");
  CHECK(span.exit_code == 0);
  CHECK(span.out.find("\"window\": \"30d\"") != std::string::npos);
  const ProcessResult expanding = run_hedgecalc("--expanding data/token.csv data/btc.csv");
  CHECK(expanding.out.find("rolling expanding") != std::string::npos);
}
