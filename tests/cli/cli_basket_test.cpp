// End to end: baskets, robust errors, resampling, as-of alignment, horizons and
// sizing through the built binary.

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
const std::string kBasket =
    " tests/data/basket.csv:target tests/data/basket.csv:p1 tests/data/basket.csv:p2";
}

TEST_CASE("a basket prints one csv row per proxy and one json object", "[cli][basket]") {
  const ProcessResult csv = run_hedgecalc("--format csv" + kBasket);
  REQUIRE(csv.exit_code == 0);
  const auto rows = parse_csv_table(csv.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("proxy") == "tests/data/basket.csv:p1");
  CHECK(rows[1].at("proxy") == "tests/data/basket.csv:p2");
  CHECK(rows[0].at("r_squared") == rows[1].at("r_squared"));
  CHECK(rows[0].count("condition_number") == 1);
  const ProcessResult json = run_hedgecalc("--format json" + kBasket);
  CHECK_THAT(json.out, Contains("\"proxies\": [") && Contains("\"condition_number\": "));
  const ProcessResult table = run_hedgecalc(kBasket.substr(1));
  CHECK_THAT(table.out, Contains("with a basket of 2 proxies") && Contains("condition no."));
}

TEST_CASE("near-collinear proxies warn on stderr, exact ones stop", "[cli][basket]") {
  // p1 and p4 lean on each other; with Close and Adj Close of the same file exactly.
  const ProcessResult near = run_hedgecalc(
      "--format csv tests/data/basket.csv:target tests/data/basket.csv:p1 "
      "tests/data/basket.csv:p4 tests/data/basket.csv:p2 tests/data/basket.csv:p3 "
      "tests/data/basket.csv:p5");
  CHECK(near.exit_code == 0);
  const ProcessResult exact =
      run_hedgecalc("data/token.csv data/btc.csv data/btc.csv:Close");
  CHECK(exact.exit_code == 1);
  CHECK(exact.out.empty());
  CHECK_THAT(exact.err, Contains("the basket is singular: data/btc.csv:Close is an exact linear "
                                 "combination of the other proxies"));
}

TEST_CASE("Newey-West errors are labelled in every format", "[cli][basket]") {
  const auto fields = parse_csv_row(
      run_hedgecalc("--format csv --se hac data/token.csv data/btc.csv").out);
  CHECK(fields.at("se") == "hac");
  CHECK(fields.at("hac_lags") == "6");
  const ProcessResult table = run_hedgecalc("--se hac --hac-lags 3 data/token.csv data/btc.csv");
  CHECK_THAT(table.out, Contains("(Newey-West, 3 lags)"));
}

TEST_CASE("sizing in words and in fields", "[cli][sizing]") {
  const ProcessResult csv = run_hedgecalc(
      "--format csv --exposure 1000000 --contract-size 0.1 data/token.csv data/btc.csv");
  REQUIRE(csv.exit_code == 0);
  const auto f = parse_csv_row(csv.out);
  const double h = std::stod(f.at("hedge_ratio"));
  const double price = std::stod(f.at("sizing_proxy_price"));
  CHECK(price == 9935.87);  // the last aligned Adj Close: `tail -1 data/btc.csv`
  CHECK(std::stod(f.at("sizing_hedge_notional")) == Approx(h * 1e6).epsilon(1e-15));
  CHECK(std::stod(f.at("sizing_units")) == Approx(h * 1e6 / price).epsilon(1e-15));
  CHECK(std::stod(f.at("sizing_contracts_exact")) == Approx(h * 1e6 / price / 0.1).epsilon(1e-15));
  CHECK(f.at("sizing_contracts") == "1368");  // 1.3591 x 1e6 / 9935.87 / 0.1 = 1367.84
  const ProcessResult table = run_hedgecalc(
      "--exposure 1000000 --contract-size 0.1 data/token.csv data/btc.csv");
  CHECK_THAT(table.out, Contains("    sizing        short 1368 contracts (1367.84) of proxy\n"
                                 "                    136.78 units, notional 1359071.69 at "
                                 "proxy price 9935.87\n"));
  const ProcessResult basket = run_hedgecalc("--format csv --exposure 500 --proxy-price 10,20" +
                                             kBasket);
  const auto rows = parse_csv_table(basket.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("sizing_proxy_price") == "10");
  CHECK(rows[1].at("sizing_proxy_price") == "20");
}

TEST_CASE("resampling, as-of alignment and horizons change n as documented", "[cli]") {
  const auto weekly = parse_csv_row(
      run_hedgecalc("--format csv --frequency weekly data/token.csv data/acme.csv").out);
  CHECK(weekly.at("n") == "104");
  CHECK(weekly.at("start") == "2023-01-15");  // a Sunday: ISO weeks end on Sundays
  const auto asof = parse_csv_row(run_hedgecalc(
      "--format csv --align asof --max-gap 2h tests/data/intraday_equity.csv "
      "tests/data/intraday_crypto.csv").out);
  CHECK(asof.at("n") == "304");
  const auto horizon = parse_csv_row(
      run_hedgecalc("--format csv --horizon 5 data/acme.csv data/index.csv").out);
  CHECK(horizon.at("n") == "100");
  CHECK(horizon.at("horizon") == "5");
}

TEST_CASE("usage errors of the issue-5 options", "[cli]") {
  for (const char* args :
       {"--hac-lags 3 data/token.csv data/btc.csv", "--max-gap 2h data/token.csv data/btc.csv",
        "--align asof --max-gap 2hours data/token.csv data/btc.csv",
        "--proxy-price 5 data/token.csv data/btc.csv",
        "--horizon 5 --returns none tests/data/returns.csv:fund tests/data/returns.csv:benchmark",
        "--exposure 1 --returns none tests/data/returns.csv:fund tests/data/returns.csv:benchmark",
        "--se robust data/token.csv data/btc.csv", "--frequency hourly data/token.csv data/btc.csv",
        "--exposure 1 --proxy-price 1,2,3 tests/data/basket.csv:target tests/data/basket.csv:p1 "
        "tests/data/basket.csv:p2"}) {
    const ProcessResult r = run_hedgecalc(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, StartsWith("hedgecalc: error: "));
  }
}
