// End to end: --window, --ewma, --series, --rebalance, thresholds and --plot through
// the built binary.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("a rolling summary in csv flattens to rolling_* columns", "[cli]") {
  const ProcessResult r =
      run_hedgecalc("--format csv --window 30 --ewma 0.94 --rebalance 5 data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  const auto fields = parse_csv_row(r.out);
  for (const char* key :
       {"rolling_window", "rolling_hedge_ratio_last", "rolling_hedge_ratio_min",
        "rolling_hedge_ratio_max", "rolling_hedge_ratio_mean", "rolling_hedge_ratio_std",
        "rolling_correlation_last", "rolling_effectiveness_std", "ewma_lambda",
        "ewma_hedge_ratio", "ewma_correlation", "backtest_window", "backtest_rebalance",
        "backtest_n", "backtest_effectiveness", "backtest_effectiveness_naive",
        "backtest_effectiveness_in_sample"}) {
    INFO(key);
    CHECK(fields.count(key) == 1);
  }
  CHECK(fields.at("rolling_window") == "30");
  CHECK(r.out.find("sparkline") == std::string::npos);  // table only
  // The summary's last values are the last row of --series.
  const ProcessResult series = run_hedgecalc(
      "--format csv --series --window 30 --ewma 0.94 data/token.csv data/btc.csv");
  const auto rows = parse_csv_table(series.out);
  REQUIRE(rows.size() == 727);
  CHECK(rows.back().at("hedge_ratio") == fields.at("rolling_hedge_ratio_last"));
  CHECK(rows.back().at("ewma_hedge_ratio") == fields.at("ewma_hedge_ratio"));
}

TEST_CASE("series rows in every format", "[cli]") {
  const std::string args = " --series --window 5 tests/data/returns.csv:fund "
                           "tests/data/returns.csv:benchmark --returns none";
  const ProcessResult csv = run_hedgecalc("--format csv" + args);
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, StartsWith("date,target_return,proxy_return,hedge_ratio,correlation,"
                                 "effectiveness,hedged_return\n2024-01-01,-0.00997874,0.00759881,"
                                 ",,,\n"));
  const ProcessResult nd = run_hedgecalc("--format ndjson" + args);
  CHECK(std::count(nd.out.begin(), nd.out.end(), '\n') == 120);
  CHECK_THAT(nd.out, StartsWith("{\"date\":\"2024-01-01\",\"target_return\":-0.00997874,"
                                "\"proxy_return\":0.00759881,\"hedge_ratio\":null,"));
  const ProcessResult json = run_hedgecalc("--format json" + args);
  CHECK_THAT(json.out, StartsWith("[\n  {\"date\":\"2024-01-01\""));
  CHECK(json.out.substr(json.out.size() - 4) == "}\n]\n");
  const ProcessResult table = run_hedgecalc("--format table" + args);
  CHECK_THAT(table.out, StartsWith("date        target_return  proxy_return  hedge_ratio"));
  const ProcessResult tsv = run_hedgecalc("--format tsv --no-header" + args);
  CHECK(std::count(tsv.out.begin(), tsv.out.end(), '\n') == 120);
}

TEST_CASE("without a window the series uses the full-sample ratio", "[cli]") {
  const ProcessResult summary = run_hedgecalc("--format csv data/acme.csv data/index.csv");
  const ProcessResult series = run_hedgecalc("--format csv --series data/acme.csv data/index.csv");
  const auto fields = parse_csv_row(summary.out);
  const auto rows = parse_csv_table(series.out);
  REQUIRE(rows.size() == 500);
  CHECK(rows.front().at("hedge_ratio") == fields.at("hedge_ratio"));
  const double expected = std::stod(rows[3].at("target_return")) -
                          std::stod(fields.at("hedge_ratio")) * std::stod(rows[3].at("proxy_return"));
  CHECK(std::stod(rows[3].at("hedged_return")) == Approx(expected).epsilon(1e-15));
}

TEST_CASE("thresholds exit 3 and still print the results", "[cli]") {
  const ProcessResult low = run_hedgecalc(
      "--format csv --window 30 --min-correlation 0.99 data/token.csv data/btc.csv");
  CHECK(low.exit_code == 3);
  CHECK_THAT(low.out, StartsWith("target,proxy"));
  CHECK_THAT(low.err, Contains("latest rolling (window 30) correlation") &&
                          Contains("below the minimum 0.99"));
  const ProcessResult met = run_hedgecalc(
      "--format csv --min-correlation 0.5 --min-effectiveness 0.3 data/token.csv data/btc.csv");
  CHECK(met.exit_code == 0);
  CHECK(met.err.empty());
  const ProcessResult eff =
      run_hedgecalc("--min-effectiveness 0.9 data/token.csv data/btc.csv");
  CHECK(eff.exit_code == 3);
  CHECK_THAT(eff.err, Contains("full-sample effectiveness 0.5512 is below the minimum 0.9"));
}

TEST_CASE("time-varying usage errors", "[cli]") {
  CHECK(run_hedgecalc("--window 1000 data/token.csv data/btc.csv").exit_code == 1);
  CHECK_THAT(run_hedgecalc("--window 1000 data/token.csv data/btc.csv").err,
             Contains("--window 1000 is longer than the 727 aligned returns"));
  CHECK(run_hedgecalc("--window 1 data/token.csv data/btc.csv").exit_code == 2);
  CHECK(run_hedgecalc("--rebalance 5 data/token.csv data/btc.csv").exit_code == 2);
  CHECK(run_hedgecalc("--ewma 1.5 data/token.csv data/btc.csv").exit_code == 2);
  CHECK(run_hedgecalc("--ewma 0.9 --halflife 3 data/token.csv data/btc.csv").exit_code == 2);
  CHECK(run_hedgecalc("--plot /tmp/x.svg data/token.csv data/btc.csv").exit_code == 2);
}

TEST_CASE("a half-life H equals --ewma 0.5^(1/H)", "[cli]") {
  const auto a = parse_csv_row(
      run_hedgecalc("--format csv --halflife 10 data/token.csv data/btc.csv").out);
  const auto b = parse_csv_row(
      run_hedgecalc("--format csv --ewma 0.9330329915368074 data/token.csv data/btc.csv").out);
  CHECK(std::stod(a.at("ewma_hedge_ratio")) == Approx(std::stod(b.at("ewma_hedge_ratio"))).epsilon(1e-12));
}

TEST_CASE("the table says when out-of-sample falls well short", "[cli]") {
  // A short window on the equity pair: noisy estimates hedge worse out of sample.
  const ProcessResult r = run_hedgecalc("--window 5 --rebalance 5 data/acme.csv data/index.csv");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("backtest") && Contains("WARNING: out of sample the hedge removes") &&
                        Contains("well short of the"));
  CHECK_THAT(r.out, Contains("rolling 5") && Contains("▁"));
}

TEST_CASE("a --plot writes an SVG and prints the usual output", "[cli]") {
  const std::string path = "/tmp/hedgecalc_plot_test.svg";
  std::remove(path.c_str());
  const ProcessResult r =
      run_hedgecalc("--window 60 --ewma 0.97 --plot " + path + " data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("Hedging"));
  std::ifstream in(path);
  std::stringstream svg;
  svg << in.rdbuf();
  CHECK_THAT(svg.str(), StartsWith("<?xml") && Contains("</svg>") && Contains("2024-12-31"));
  std::remove(path.c_str());
}
