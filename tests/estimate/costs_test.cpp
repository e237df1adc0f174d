// From a ratio to a trade, and what trading a hedge costs: the backtest with fees,
// a rebalancing band and carry against a plain Python loop (tests/golden/costs.csv), a
// worked example small enough to check by hand, --position and --band, periods per
// year, and the bad inputs.

#include <catch2/catch.hpp>

#include <cmath>

#include "golden.hpp"
#include "hedgecalc/backtest.hpp"
#include "hedgecalc/error.hpp"
#include "estimate/periods_per_year.hpp"
#include "hedgecalc/trade.hpp"
#include "process.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {

// The backtest object of a --format json run, as field -> text (flat, one level).
std::map<std::string, std::string> backtest_fields(const std::string& args) {
  const ProcessResult r = run_hedgecalc("--format csv " + args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> fields;
  for (const auto& [key, value] : parse_csv_row(r.out)) {
    if (key.rfind("backtest_", 0) == 0) fields[key.substr(9)] = value;
  }
  return fields;
}

bool near(double expected, double actual, double relative) {
  return std::fabs(actual - expected) <= relative * std::fabs(expected) + 1e-18;
}

}  // namespace

TEST_CASE("backtests with fees, a band and carry match a plain Python loop", "[costs]") {
  // tests/golden/make_cost_golden.py: window ratios by the two-pass formula, then the
  // backtest date by date; 1e-12 relative.
  const auto golden = parse_csv_table(source_file_text("tests/golden/costs.csv"));
  REQUIRE(golden.size() >= 40);
  std::map<std::string, std::map<std::string, std::string>> fields;
  std::map<std::string, std::string> args;
  for (const auto& row : golden) {
    fields[row.at("case")][row.at("field")] = row.at("value");
    args[row.at("case")] = row.at("args");
  }
  REQUIRE(fields.size() == 5);
  for (const auto& [name, expected] : fields) {
    const auto actual = backtest_fields(args[name]);
    for (const auto& [field, want] : expected) {
      INFO(name << ": " << args[name] << "\n" << field << " golden " << want << ", hedgecalc "
                << (actual.count(field) ? actual.at(field) : "(missing)"));
      REQUIRE(actual.count(field) == 1);
      if (field == "n" || field == "trades") {
        CHECK(actual.at(field) == want);
      } else {
        CHECK(close_enough(want, actual.at(field), 1e-12));
      }
    }
  }
}

TEST_CASE("the backtest date by date in --series, with its cost and value", "[costs]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/costs_series.csv"));
  REQUIRE(golden.size() == 667);
  const ProcessResult r = run_hedgecalc(
      "--series --format csv --window 60 --rebalance 5 --cost-bps 10 --rebalance-band 0.05 "
      "--carry-series tests/data/costs/funding.csv data/token.csv data/btc.csv");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 727);
  // Before the first out-of-sample date the backtest columns are empty.
  CHECK(rows[59].at("backtest_ratio").empty());
  CHECK(rows[59].at("value_net").empty());
  size_t checked = 0;
  for (size_t i = 0; i < golden.size(); ++i) {
    const auto& want = golden[i];
    const auto& got = rows[60 + i];
    INFO(want.at("date"));
    REQUIRE(got.at("date") == want.at("date"));
    for (const char* column : {"backtest_ratio", "backtest_hedged_return", "cost", "backtest_net_return",
                               "value_unhedged", "value_hedged", "value_net"}) {
      INFO(column << " golden " << want.at(column) << ", hedgecalc " << got.at(column));
      CHECK(near(std::stod(want.at(column)), std::stod(got.at(column)), 1e-12));
    }
    ++checked;
  }
  CHECK(checked == 667);
}

TEST_CASE("the contest's cost and net effectiveness match the plain loop", "[costs]") {
  // With --window 60 the contest starts where the backtest does, so its "rolling 60"
  // row is the carry_series case of tests/golden/costs.csv.
  std::map<std::string, std::string> want;
  std::string args;
  for (const auto& row : parse_csv_table(source_file_text("tests/golden/costs.csv"))) {
    if (row.at("case") != "carry_series") continue;
    want[row.at("field")] = row.at("value");
    args = row.at("args");
  }
  REQUIRE(!args.empty());
  const ProcessResult r = run_hedgecalc("--format csv --compare " + args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto row = parse_csv_row(r.out);
  int found = 0;
  for (int rank = 1; rank <= 6; ++rank) {
    const std::string prefix = "compare_" + std::to_string(rank) + "_";
    if (row.at(prefix + "method") != "rolling 60") continue;
    ++found;
    CHECK(close_enough(want.at("cost"), row.at(prefix + "cost"), 1e-12));
    CHECK(close_enough(want.at("effectiveness_net"), row.at(prefix + "effectiveness_net"), 1e-12));
    CHECK(close_enough(want.at("effectiveness"), row.at(prefix + "effectiveness"), 1e-12));
    CHECK(close_enough(want.at("turnover"), row.at(prefix + "turnover"), 1e-12));
  }
  CHECK(found == 1);
}

TEST_CASE("a backtest small enough to follow by hand", "[costs]") {
  // Returns 0..5; the ratio known after each date; hedge from date 2, every 2 dates.
  const std::vector<double> target = {0.01, 0.02, 0.03, -0.01, 0.02, 0.01};
  const std::vector<double> proxy = {0.01, 0.01, 0.02, -0.01, 0.01, 0.02};
  const std::vector<double> ratio = {NAN, 1.0, 1.5, 1.6, 2.0, 2.1};
  HedgeCosts costs;
  costs.cost_bps = 10;         // 0.001 per unit of ratio traded
  costs.rebalance_band = 0.2;  // trade only when the ratio moves by more than 20%
  costs.carry_by_date.assign(6, 0.0001);
  const OutOfSample out = hedge_out_of_sample(target, proxy, ratio, 2, 2, costs);
  // Date 2: the first rebalancing trades from 0 to ratio[1] = 1: fee 0.001 x 1.
  // Date 4: ratio[3] = 1.6 moved 60% from 1: trade, fee 0.001 x 0.6.
  REQUIRE(out.held == std::vector<double>{1.0, 1.0, 1.6, 1.6});
  CHECK(out.trades == 2);
  CHECK(out.turnover == Approx(1.6));
  // Hedged: 0.03 - 1 x 0.02, -0.01 - 1 x -0.01, 0.02 - 1.6 x 0.01, 0.01 - 1.6 x 0.02.
  CHECK(out.hedged[0] == Approx(0.01));
  CHECK(out.hedged[1] == Approx(0.0).margin(1e-18));
  CHECK(out.hedged[2] == Approx(0.004));
  CHECK(out.hedged[3] == Approx(-0.022));
  // Cost: fee on trade dates plus carry 0.0001 x the ratio held, every date.
  CHECK(out.cost[0] == Approx(0.001 + 0.0001));
  CHECK(out.cost[1] == Approx(0.0001));
  CHECK(out.cost[2] == Approx(0.0006 + 0.00016));
  CHECK(out.cost[3] == Approx(0.00016));
  CHECK(out.cost_trading == Approx(0.0016));
  CHECK(out.cost_carry == Approx(0.00052));
  CHECK(out.net[2] == Approx(0.004 - 0.00076));
  // A band of 0.7 keeps the first ratio: a 60% move is inside it.
  costs.rebalance_band = 0.7;
  CHECK(hedge_out_of_sample(target, proxy, ratio, 2, 2, costs).trades == 1);
}

TEST_CASE("a position and the trade that reaches the target hedge", "[costs]") {
  Sizing sizing{};
  sizing.units = 100;  // the hedge shorts 100 proxy units
  sizing.contract_size = 10;
  const Trade sell = plan_trade(sizing, -91, 0);
  CHECK(sell.target_position == -100);
  CHECK(sell.trade == -9);
  CHECK(sell.trade_contracts_exact == Approx(-0.9));
  CHECK(sell.trade_contracts == -1);
  CHECK(sell.gap == Approx(0.09));  // 9% short of the target
  CHECK(sell.action == "sell");
  const Trade buy = plan_trade(sizing, -110, 0);
  CHECK(buy.trade == 10);
  CHECK(buy.gap == Approx(-0.1));  // 10% over
  CHECK(buy.action == "buy");
  const Trade hold = plan_trade(sizing, -91, 0.1);  // 9% is inside a 10% band
  CHECK(hold.trade == 0);
  CHECK(hold.action == "hold");
  CHECK(plan_trade(sizing, -89, 0.1).action == "sell");  // 11% is not

  const ProcessResult r = run_hedgecalc(
      "--exposure 1000000 --position -50 data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("trade         sell 87 contracts (86.78): the hedge is 63.4% short of the target"));
  const auto row = parse_csv_row(
      run_hedgecalc("--format csv --exposure 1000000 --position -130 --band 0.05 data/token.csv data/btc.csv").out);
  CHECK(row.at("trade_action") == "hold");
  CHECK(row.at("trade_trade") == "0");
  CHECK(near(-std::stod(row.at("sizing_units")), std::stod(row.at("trade_target_position")), 1e-15));
}

TEST_CASE("periods per year from the dates", "[costs]") {
  auto days = [](std::initializer_list<int> offsets) {
    std::vector<Timestamp> t;
    for (int d : offsets) t.push_back(static_cast<Timestamp>(d) * kNanosPerDay);
    return t;
  };
  // 1970-01-05 was a Monday.
  CHECK(infer_periods_per_year(days({4, 5, 6, 7, 8, 11, 12, 13})) == 252);
  CHECK(infer_periods_per_year(days({4, 5, 6, 7, 8, 9, 10, 11})) == 365);
  CHECK(infer_periods_per_year(days({4, 11, 18, 25, 32})) == 52);
  CHECK(infer_periods_per_year(days({0, 31, 59, 90, 120})) == 12);
  std::vector<Timestamp> hourly;
  for (int h = 0; h < 24 * 10; ++h) hourly.push_back(static_cast<Timestamp>(h) * 3600 * kNanosPerSecond);
  CHECK(infer_periods_per_year(hourly) == 365 * 24);  // 24/7 hours
  const auto row = parse_csv_row(run_hedgecalc("--format csv --periods-per-year auto data/acme.csv data/index.csv").out);
  CHECK(row.at("periods_per_year") == "252");
  CHECK(near(std::stod(row.at("vol_target")) * std::sqrt(252.0), std::stod(row.at("vol_target_annual")), 1e-15));
  const auto weekly = parse_csv_row(
      run_hedgecalc("--format csv --periods-per-year 365 --horizon 7 data/token.csv data/btc.csv").out);
  CHECK(near(std::stod(weekly.at("vol_hedged")) * std::sqrt(365.0 / 7), std::stod(weekly.at("vol_hedged_annual")), 1e-15));
}

TEST_CASE("the contest ranks by net effectiveness when the hedges cost money", "[costs]") {
  const ProcessResult r = run_hedgecalc(
      "--format json --compare --rebalance 1 --cost-bps 200 --carry 0.1 data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  const auto row = parse_csv_row(run_hedgecalc(
      "--format csv --compare --rebalance 1 --cost-bps 200 --carry 0.1 data/token.csv data/btc.csv").out);
  double previous = INFINITY;
  for (int rank = 1; rank <= 6; ++rank) {
    const double net = std::stod(row.at("compare_" + std::to_string(rank) + "_effectiveness_net"));
    CHECK(net <= previous);
    previous = net;
  }
  // Daily re-estimation at 2% a unit of turnover: the EWMA's churn costs it more than
  // the gross ranking shows.
  CHECK(row.at("compare_1_method") != "ewma 0.94");
}

TEST_CASE("batch takes each pair's position from PAIRS", "[costs][cli]") {
  const ProcessResult r =
      run_hedgecalc("batch --quiet --format csv --exposure 1000000 --band 0.05 tests/data/costs/positions.csv");
  CHECK(r.exit_code == 1);
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].at("trade_action") == "sell");
  CHECK(rows[0].at("trade_position") == "-50");
  CHECK(rows[1].at("status") == "ok");
  CHECK(rows[2].at("status") == "error");
  CHECK_THAT(rows[2].at("error"), Contains("no position"));
  CHECK(rows[3].at("status") == "error");
  CHECK_THAT(rows[3].at("error"), Contains("positions.csv:5: position \"lots\" is not a number"));
  // A --position fills the empty cells.
  const auto filled = parse_csv_table(run_hedgecalc(
      "batch --quiet --format csv --exposure 1000000 --position 0 tests/data/costs/positions.csv").out);
  CHECK(filled[2].at("status") == "ok");
  CHECK(filled[2].at("trade_position") == "0");
  const ProcessResult without = run_hedgecalc("batch --quiet tests/data/costs/positions.csv");
  CHECK(without.exit_code == 2);
  CHECK_THAT(without.err, Contains("has a position column: add --exposure X"));
}

TEST_CASE("bad trade and cost options are clear errors with nothing on stdout", "[costs][cli]") {
  const std::string pair = " data/token.csv data/btc.csv";
  const std::vector<std::pair<std::string, int>> cases = {
      {"--position -50" + pair, 2},
      {"--exposure 1000 --band 0.1" + pair, 2},
      {"--exposure 1000 --position -5 --band -0.1" + pair, 2},
      {"--window 60 --rebalance 5 --cost-bps -5" + pair, 2},
      {"--window 60 --rebalance 5 --rebalance-band -1" + pair, 2},
      {"--cost-bps 5" + pair, 2},
      {"--window 60 --rebalance 5 --carry 0.1 --carry-series tests/data/costs/funding.csv" + pair, 2},
      {"--periods-per-year 0" + pair, 2},
      {"--periods-per-year weekly" + pair, 2},
      {"--exposure 1000 --position nan" + pair, 2},
      {"--window 60 --rebalance 5 --carry-series tests/data/costs/no_overlap.csv" + pair, 1},
      {"--window 60 --rebalance 5 --carry-series tests/data/costs/bad_rate.csv" + pair, 1},
      {"--window 60 --rebalance 5 --carry-series tests/data/costs/late.csv" + pair, 1},
  };
  for (const auto& [args, code] : cases) {
    const ProcessResult r = run_hedgecalc(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == code);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("hedgecalc: error: "));
  }
  for (const std::string args : {"--plot-kind value --window 60 --rebalance 5", "--plot /tmp/x.svg --plot-kind value --window 60",
                                 "--plot /tmp/x.svg --plot-kind values --window 60 --rebalance 5"}) {
    const ProcessResult r = run_hedgecalc(args + pair);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
  }
  CHECK_THAT(run_hedgecalc("--window 60 --rebalance 5 --carry-series tests/data/costs/bad_rate.csv" + pair).err,
             Contains("bad_rate.csv:3: column \"rate\": \"n/a%\" is not a number"));
  CHECK_THAT(run_hedgecalc("--window 60 --rebalance 5 --carry-series tests/data/costs/no_overlap.csv" + pair).err,
             Contains("do not overlap the backtest"));
}
