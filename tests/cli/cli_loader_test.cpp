// End to end: every file shape issue 3 lists, and every kind of bad input, through
// the built binary. Bad input must exit 1 with an empty stdout and a message naming
// the file (and the line and column where there is one).

#include <catch2/catch.hpp>
#include <unistd.h>

#include <fstream>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
const std::string kShapes = "tests/data/shapes/";
const std::string kErrors = "tests/data/errors/";

std::map<std::string, std::string> analyse(const std::string& args) {
  const ProcessResult r = run_hedgecalc("--format csv " + args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_csv_row(r.out);
}

void check_rejected(const std::string& args, const std::vector<std::string>& words) {
  const ProcessResult r = run_hedgecalc(args);
  INFO(args << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, StartsWith("hedgecalc: error: "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
  for (const std::string& w : words) CHECK_THAT(r.err, Contains(w));
}
}  // namespace

TEST_CASE("Yahoo exports, new and old, pick the adjusted close", "[loader][cli]") {
  const auto yahoo = analyse(kShapes + "yahoo.csv " + kShapes + "yahoo.csv:Close");
  CHECK(yahoo.at("target") == kShapes + "yahoo.csv:Adj Close");
  CHECK(yahoo.at("n") == "28");
  // The old style is newest first with "Adj. Close*" and DD-Mon-YY dates.
  const auto old = analyse(kShapes + "yahoo_old.csv " + kShapes + "yahoo_old.csv:Close*");
  CHECK(old.at("target") == kShapes + "yahoo_old.csv:Adj. Close*");
  CHECK(old.at("start") == "2003-09-02");
  CHECK(old.at("end") == "2003-09-30");
}

TEST_CASE("a wide sheet with a comment, ticker names, an empty row and a late listing",
          "[loader][cli]") {
  const auto spx_btc = analyse(kShapes + "wide.csv:^GSPC " + kShapes + "wide.csv:BTC-USD");
  CHECK(spx_btc.at("n") == "38");  // 40 dates, one without prices
  const auto eth = analyse(kShapes + "wide.csv:ETH-USD " + kShapes + "wide.csv:BTC-USD");
  CHECK(eth.at("n") == "33");  // ETH starts on the sixth date
  CHECK(eth.at("start") == "2024-02-07");
  const ProcessResult which = run_hedgecalc(kShapes + "wide.csv " + kShapes + "wide.csv:^GSPC");
  CHECK(which.exit_code == 1);
  CHECK_THAT(which.err, Contains("3 numeric columns") && Contains("wide.csv:COLUMN"));
}

TEST_CASE("CoinGecko, FRED, klines, spreadsheet and locale exports", "[loader][cli]") {
  CHECK(analyse(kShapes + "coingecko.csv " + kShapes + "coingecko.csv:market_cap")
            .at("target") == kShapes + "coingecko.csv:price");
  const auto fred = analyse(kShapes + "fred.csv " + kShapes + "fred.csv");
  CHECK(fred.at("n") == "22");  // 25 dates, 2 missing as "."
  const auto klines = analyse("--headerless " + kShapes + "klines.csv:5 " + kShapes + "klines.csv:2");
  CHECK(klines.at("target") == kShapes + "klines.csv:5");
  CHECK(klines.at("start") == "2024-01-01T00:01:00Z");
  const auto sheet = analyse(kShapes + "spreadsheet.csv " + kShapes + "spreadsheet.csv");
  CHECK(sheet.at("n") == "19");
  const auto thousands =
      analyse("--thousands , " + kShapes + "thousands.csv " + kShapes + "coingecko.csv");
  CHECK(thousands.at("n") == "19");
  // CSV options apply to every file of a command.
  const auto european = analyse("--decimal , --thousands . --date-format %d.%m.%Y " + kShapes +
                                "european.csv " + kShapes + "european.csv:2");
  CHECK(european.at("n") == "19");
  const auto us = analyse("--date-format %m/%d/%Y " + kShapes + "us_dates.csv " + kShapes +
                          "us_dates.csv");
  CHECK(us.at("start") == "2024-01-02");
}

TEST_CASE("thousands separators are never guessed", "[loader][cli]") {
  check_rejected(kShapes + "thousands.csv " + kShapes + "coingecko.csv",
                 {"thousands.csv:2: column \"Close\": \"41,758.94\" is not a number"});
  check_rejected("--date-format %d.%m.%Y --delimiter ';' " + kShapes + "european.csv " + kShapes +
                     "coingecko.csv",
                 {"european.csv:2", "\"40.794,88\" is not a number"});
}

TEST_CASE("the same analysis from standard input", "[loader][cli]") {
  const ProcessResult r = run_hedgecalc("--format csv - " + kShapes + "yahoo.csv:Close",
                                        source_dir() + "/" + kShapes + "yahoo.csv");
  REQUIRE(r.exit_code == 0);
  CHECK(parse_csv_row(r.out).at("target") == "-:Adj Close");
}

TEST_CASE("bad files are rejected with file, line, column and the text", "[loader][cli]") {
  const std::string proxy = " data/btc.csv";
  check_rejected(kErrors + "empty.csv" + proxy, {"empty.csv: the file is empty"});
  check_rejected(kErrors + "header_only.csv" + proxy, {"header_only.csv", "no data rows"});
  check_rejected(kErrors + "one_row.csv" + proxy, {"only 0 aligned returns"});
  check_rejected(kErrors + "garbage.bin" + proxy, {"garbage.bin", "cannot tell which column"});
  check_rejected(kErrors + "nul.csv" + proxy, {"nul.csv:3: column 14: NUL byte"});
  check_rejected(kErrors + "bad_utf8_name.csv" + proxy,
                 {"2 numeric columns", "\"Cl\\xFFose\"", "\"Op\\xC3en\""});
  check_rejected(kErrors + "unterminated.csv" + proxy, {"unterminated.csv:3:", "unterminated quote"});
  check_rejected(kErrors + "ragged.csv" + proxy,
                 {"ragged.csv:3: row has 3 fields but the header has 2"});
  check_rejected(kErrors + "huge.csv" + proxy,
                 {"huge.csv:3: column \"Close\": \"1e400\" is not a finite number"});
  check_rejected(kErrors + "inf.csv" + proxy, {"inf.csv:3:", "\"Infinity\" is not a finite number"});
  check_rejected("--returns log " + kErrors + "negative.csv" + proxy,
                 {"negative.csv:3: column \"Close\": price -5 is not positive"});
  check_rejected(kErrors + "duplicate.csv" + proxy,
                 {"duplicate.csv:5:", "2024-01-02 appears twice", "line 3: 101, line 5: 101.5"});
  check_rejected(kErrors + "bad_date.csv" + proxy,
                 {"bad_date.csv:3: column \"Date\": \"2024-13-45\" is not a date"});
  check_rejected(kErrors + "mixed_dates.csv" + proxy,
                 {"mixed_dates.csv:4:", "\"03-Jan-24\" is written differently", "line 2"});
  check_rejected(kErrors + "us_dates_unflagged.csv" + proxy,
                 {"us_dates_unflagged.csv:2:", "\"01/02/2024\" is not a date", "--date-format"});
  check_rejected(kShapes + "klines.csv" + proxy, {"klines.csv", "cannot tell which column"});
}

TEST_CASE("a 10 MB line is rejected quickly with a short message", "[loader][cli]") {
  const std::string path = "/tmp/hedgecalc_long_line_" + std::to_string(::getpid()) + ".csv";
  {
    std::ofstream out(path);
    out << "Date,Close\n2024-01-01,100\n2024-01-02," << std::string(10'000'000, '7') << "x\n";
  }
  const ProcessResult r = run_hedgecalc(path + " data/btc.csv");
  std::remove(path.c_str());
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains(":3: column \"Close\":") && Contains("...\" is not a number"));
  CHECK(r.err.size() < 300);
}
