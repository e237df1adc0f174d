#include "io/column_choice.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

using Names = std::vector<std::string>;
using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("normalized names drop case, spaces, dots, underscores, a trailing star", "[column]") {
  CHECK(normalized_column_name("Adj. Close*") == "adjclose");
  CHECK(normalized_column_name("adj_close") == "adjclose");
  CHECK(normalized_column_name(" Close ") == "close");
}

TEST_CASE("the price column by preference order", "[column]") {
  const Names yahoo = {"Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"};
  CHECK(guess_price_column(yahoo, 0, {}, "f") == 5);
  CHECK(guess_price_column({"Date", "Close", "Price"}, 0, {}, "f") == 1);
  CHECK(guess_price_column({"snapped_at", "price", "market_cap"}, 0, {}, "f") == 1);
  CHECK(guess_price_column({"DATE", "VALUE"}, 0, {}, "f") == 1);
}

TEST_CASE("a single column besides the date is the price column", "[column]") {
  CHECK(guess_price_column({"Datum", "Schluss"}, 0, Rows{{"01.01.2024", "40.794,88"}}, "f") == 1);
}

TEST_CASE("else the only numeric column besides the date", "[column]") {
  const Names names = {"day", "note", "btc"};
  CHECK(guess_price_column(names, 0, Rows{{"2024-01-01", "ok", "1.5"}, {"2024-01-02", "x", ""}},
                           "f") == 2);
}

TEST_CASE("an ambiguous file lists its columns and the PATH:COLUMN form", "[column]") {
  const Names names = {"day", "btc", "eth"};
  CHECK_THROWS_WITH(guess_price_column(names, 0, Rows{{"2024-01-01", "1", "2"}}, "w.csv"),
                    Contains("2 numeric columns") && Contains("1 \"day\", 2 \"btc\", 3 \"eth\"") &&
                        Contains("w.csv:COLUMN"));
}

TEST_CASE("named columns: exact, then any case, then a number", "[column]") {
  const Names names = {"Date", "close", "Close", "3"};
  CHECK(find_named_column(names, "Close", "f") == 2);
  // Two columns match in any case, none exactly: refused, never one picked silently.
  CHECK_THROWS_WITH(find_named_column(names, "CLOSE", "f"), Contains("more than once (columns 2 and 3)"));
  CHECK(find_named_column({"Date", "close"}, "CLOSE", "f") == 1);
  CHECK(find_named_column(names, "3", "f") == 3);  // a header named "3" wins
  CHECK(find_named_column(names, "2", "f") == 1);
  CHECK_THROWS_WITH(find_named_column(names, "Open", "f.csv"),
                    Contains("f.csv: no column \"Open\""));
  CHECK_THROWS_AS(find_named_column(names, "9", "f"), DataError);
}

TEST_CASE("the date column by name, else the first", "[column]") {
  CHECK(find_date_column({"ticker", "Timestamp", "px"}, std::nullopt, "f") == 1);
  CHECK(find_date_column({"snapped_at", "price"}, std::nullopt, "f") == 0);
  CHECK(find_date_column({"a", "when"}, std::string("when"), "f") == 1);
}
