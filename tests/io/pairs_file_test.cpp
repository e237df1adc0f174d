#include "hedgecalc/pairs_file.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

TEST_CASE("PAIRS with and without id, any column order and case", "[pairs]") {
  const auto rows = read_pairs("Proxy,ID,Target\nbtc.csv,x1,sol.csv\n\n# skipped\neth.csv,x2,a b.csv:Close\n",
                               "p.csv");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == std::string("x1"));
  CHECK(rows[0].target == "sol.csv");
  CHECK(rows[1].proxy == "eth.csv");
  CHECK(rows[1].target == "a b.csv:Close");
  CHECK(rows[1].index == 1);
  CHECK(rows[1].line == 5);
  CHECK_FALSE(read_pairs("target;proxy\na;b\n", "p").front().id);
}

TEST_CASE("PAIRS errors name the line", "[pairs]") {
  CHECK_THROWS_WITH(read_pairs("a,b\nx,y\n", "p.csv"), Contains("p.csv:1:") && Contains("target"));
  CHECK_THROWS_WITH(read_pairs("target,proxy\nonly\n", "p.csv"), Contains("p.csv:2: row has 1"));
  CHECK_THROWS_AS(read_pairs("", "p.csv"), DataError);
}

TEST_CASE("folders", "[pairs]") {
  CHECK(pairs_folder("jobs/pairs.csv") == "jobs/");
  CHECK(pairs_folder("pairs.csv").empty());
  CHECK(pairs_folder("-").empty());
  CHECK(resolve_path("jobs/", "btc.csv") == "jobs/btc.csv");
  CHECK(resolve_path("jobs/", "/data/btc.csv") == "/data/btc.csv");
}
