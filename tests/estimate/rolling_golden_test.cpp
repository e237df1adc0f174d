// Rolling, EWMA and backtest values through the library against pandas
// (tests/golden/rolling.csv and backtest.csv, made by tests/golden/make_golden.py).

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "golden.hpp"
#include "cli/single_command.hpp"
#include "source_tree.hpp"

using namespace hedgecalc;

namespace {
// The golden row's case as a command line, with any further options.
SingleOptions options_for(const std::map<std::string, std::string>& golden_row,
                          std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"--format", "csv", "--returns", golden_row.at("returns"),
                                   "--window", golden_row.at("window"), "--ewma",
                                   golden_row.at("lambda"), golden_row.at("target"),
                                   golden_row.at("proxy")};
  args.insert(args.begin(), more.begin(), more.end());
  return parse_single_options(args);
}
}  // namespace

TEST_CASE("per-date rolling and EWMA values agree with pandas to 1e-10 relative", "[golden]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/rolling.csv"));
  REQUIRE(golden.size() > 1000);
  std::map<std::string, std::vector<std::map<std::string, std::string>>> by_case;
  for (const auto& row : golden) by_case[row.at("case")].push_back(row);
  REQUIRE(by_case.size() == 2);
  SourceTreeFileSystem files;
  for (const auto& [name, rows] : by_case) {
    const SingleOptions options = options_for(rows.front(), {"--series"});
    const auto actual = parse_csv_table(run_single(options, files).out);
    REQUIRE(actual.size() == rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      INFO("case " << name << ", date " << rows[i].at("date"));
      REQUIRE(actual[i].at("date") == rows[i].at("date"));
      for (const char* field : {"hedge_ratio", "correlation", "effectiveness", "ewma_hedge_ratio",
                                "ewma_correlation"}) {
        INFO(field << ": pandas " << rows[i].at(field) << ", hedgecalc " << actual[i].at(field));
        CHECK(close_enough(rows[i].at(field), actual[i].at(field), 1e-10));
      }
    }
  }
}

TEST_CASE("the backtest agrees with a plain loop over rebalancing dates", "[golden]") {
  const auto golden_rows = parse_csv_table(source_file_text("tests/golden/rolling.csv"));
  const auto backtests = parse_csv_table(source_file_text("tests/golden/backtest.csv"));
  REQUIRE(backtests.size() == 2);
  SourceTreeFileSystem files;
  for (const auto& expected : backtests) {
    INFO("case " << expected.at("case"));
    for (const auto& row : golden_rows) {
      if (row.at("case") != expected.at("case")) continue;
      const SingleOptions options = options_for(row, {"--rebalance", row.at("rebalance")});
      const auto actual = parse_csv_row(run_single(options, files).out);
      CHECK(actual.at("backtest_n") == expected.at("n"));
      for (const char* field :
           {"effectiveness", "effectiveness_naive", "effectiveness_in_sample"}) {
        INFO(field);
        CHECK(close_enough(expected.at(field), actual.at(std::string("backtest_") + field), 1e-10));
      }
      break;
    }
  }
}
