#include "hedgecalc/sizing.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;

TEST_CASE("Hull's jet fuel hedge: 37 heating-oil contracts", "[sizing]") {
  // Hull, Options, Futures and Other Derivatives, Example 3.3 / Table 3.3: h = 0.78,
  // an airline buying 2,000,000 gallons of jet fuel, NYMEX heating oil contracts of
  // 42,000 gallons: 0.78 x 2,000,000 / 42,000 = 37.14, so 37 contracts.
  const Sizing s = size_hedge(0.78, ReturnKind::kDiff, 2'000'000, 1.94, 42'000);
  CHECK(s.units == Approx(1'560'000).epsilon(1e-15));
  CHECK(s.contracts_exact == Approx(37.142857142857).epsilon(1e-12));
  CHECK(s.contracts == 37);
  CHECK(s.hedge_notional == Approx(1'560'000 * 1.94).epsilon(1e-15));
}

TEST_CASE("by value for simple and log returns", "[sizing]") {
  // $1M of a token hedged at 1.36 with BTC at 42,000 and CME micro contracts of 0.1 BTC.
  const Sizing s = size_hedge(1.36, ReturnKind::kSimple, 1'000'000, 42'000, 0.1);
  CHECK(s.hedge_notional == Approx(1'360'000).epsilon(1e-15));
  CHECK(s.units == Approx(1'360'000.0 / 42'000).epsilon(1e-15));
  CHECK(s.contracts_exact == Approx(323.8095238095).epsilon(1e-12));
  CHECK(s.contracts == 324);
  CHECK(size_hedge(-0.5, ReturnKind::kLog, 100, 10, 1).contracts == -5);
}

// A last proxy price <= 0 (possible with --returns diff) cannot size a hedge in units.
// Contract sizes <= 0 are refused by the command line and asserted here.
TEST_CASE("a proxy price that is not positive is a usage error naming --proxy-price", "[sizing]") {
  CHECK_THROWS_WITH(size_hedge(1, ReturnKind::kSimple, 1, 0, 1),
                    "the proxy price for sizing must be a positive number (--proxy-price)");
}
