#include "hedgecalc/loader.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {
PriceSeries load(std::string_view bytes, std::optional<std::string> column = std::nullopt,
                 const CsvOptions& options = {}) {
  return load_series(bytes, "f.csv", column, options);
}
Timestamp day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kNanosPerDay; }
}  // namespace

TEST_CASE("a Yahoo export picks Adj Close", "[loader]") {
  const PriceSeries s = load(
      "Date,Open,High,Low,Close,Adj Close,Volume\n"
      "2024-01-02,1,2,0.5,1.5,1.4,100\n"
      "2024-01-03,1,2,0.5,1.6,1.5,100\n");
  CHECK(s.column == "Adj Close");
  CHECK(s.label() == "f.csv:Adj Close");
  CHECK(s.price == std::vector<double>{1.4, 1.5});
  CHECK(s.time == std::vector<Timestamp>{day(2024, 1, 2), day(2024, 1, 3)});
  CHECK(s.line == std::vector<std::uint32_t>{2, 3});
}

TEST_CASE("comments, blank lines, BOM, CRLF, semicolons and quotes", "[loader]") {
  const PriceSeries s = load(
      "\xEF\xBB\xBF# Data source: somewhere\r\n\r\n"
      "\"Date\";\"Price\"\r\n"
      "\"2024-01-02\";\"10.5\"\r\n"
      "# a note\r\n"
      "2024-01-03;11\r\n");
  CHECK(s.column == "Price");
  CHECK(s.price == std::vector<double>{10.5, 11});
  CHECK(s.line == std::vector<std::uint32_t>{4, 6});
}

TEST_CASE("missing prices are skipped and counted", "[loader]") {
  const PriceSeries s = load("date,value\n2024-01-01,.\n2024-01-02,5\n2024-01-03,NA\n2024-01-04,\n");
  CHECK(s.size() == 1);
  CHECK(s.missing == 3);
}

TEST_CASE("rows in any order are sorted; identical duplicates collapse", "[loader]") {
  const PriceSeries s = load(
      "Date,Close\n2024-01-03,3\n2024-01-01,1\n2024-01-02,2\n2024-01-01,1\n");
  CHECK(s.price == std::vector<double>{1, 2, 3});
  CHECK(s.line == std::vector<std::uint32_t>{3, 4, 2});
}

TEST_CASE("headerless files name columns by number", "[loader]") {
  CsvOptions options;
  options.headerless = true;
  const PriceSeries s =
      load("1704067200000,1,2,0.5,1.5\n1704153600000,1,2,0.5,1.7\n", std::string("5"), options);
  CHECK(s.column == "5");
  CHECK(s.price == std::vector<double>{1.5, 1.7});
  CHECK(s.time.front() == day(2024, 1, 1));
}

TEST_CASE("the options --date-col --delimiter and --date-format", "[loader]") {
  CsvOptions options;
  options.date_column = "when";
  options.delimiter = '|';
  options.date_format.emplace("%m/%d/%Y");
  const PriceSeries s = load("px|when\n3.5|01/31/2024\n", std::nullopt, options);
  CHECK(s.column == "px");
  CHECK(s.time.front() == day(2024, 1, 31));
}

TEST_CASE("loader errors name file, line and column and quote the text", "[loader]") {
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1\n2024-01-02,12.3.4\n"),
                    Contains("f.csv:3: column \"Close\": \"12.3.4\" is not a number"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1e400\n"),
                    Contains("f.csv:2: column \"Close\": \"1e400\" is not a finite number"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,inf\n"), Contains("not a finite number"));
  CHECK_THROWS_WITH(load("Date,Close\n01/02/2024,1\n"),
                    Contains("f.csv:2: column \"Date\": \"01/02/2024\" is not a date") &&
                        Contains("--date-format"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1\n2024-01-02\n"),
                    Contains("f.csv:3: row has 1 fields but the header has 2"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1\n2024-01-02,1\n02-Jan-24,1\n"),
                    Contains("f.csv:4:") && Contains("written differently") &&
                        Contains("line 2"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1\n2024-01-01,2\n"),
                    Contains("f.csv:3:") && Contains("2024-01-01 appears twice") &&
                        Contains("line 2: 1, line 3: 2"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,\"1\n"), Contains("unterminated quote"));
}

TEST_CASE("empty, header-only and all-missing files", "[loader]") {
  CHECK_THROWS_WITH(load(""), Contains("f.csv: the file is empty"));
  CHECK_THROWS_WITH(load("\n# only a comment\n"), Contains("the file is empty"));
  CHECK_THROWS_WITH(load("Date,Close\n"), Contains("no data rows"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,NA\n"), Contains("missing its price"));
}

TEST_CASE("a column that cannot be found lists the columns", "[loader]") {
  CHECK_THROWS_WITH(load("Date,Open,High\n2024-01-01,1,2\n"),
                    Contains("cannot tell which column") && Contains("f.csv:COLUMN"));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1\n", std::string("Nope")),
                    Contains("no column \"Nope\""));
  CHECK_THROWS_WITH(load("Date,Close\n2024-01-01,1\n", std::string("Date")),
                    Contains("is the date column"));
}

TEST_CASE("binary garbage and invalid UTF-8 give messages, not crashes", "[loader]") {
  CHECK_THROWS_AS(load(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), DataError);
  CHECK_THROWS_WITH(load("Date,Cl\xFFose\n2024-01-01,x\n"), Contains("Cl\\xFFose"));
}

TEST_CASE("rows read on the quick path equal the general reading", "[loader]") {
  // A row without quotes takes a path that skips field splitting; a quoted third column
  // sends every row through the general one. Both must give the same series, row for
  // row, whatever the spelling: times with ' ' or 'T', numbers with exponents, spaces,
  // quotes, missing prices, comments; with two columns and with three.
  std::mt19937 rng(23);
  std::uniform_int_distribution<int> pick(0, 9);
  std::uniform_real_distribution<double> level(0.001, 1e6);
  std::string two = "date,close\n", three = "date,close,volume\n", quoted = three;
  for (int i = 0; i < 3000; ++i) {
    const Timestamp t = day(2020, 1, 1) + static_cast<Timestamp>(i) * 3600 * kNanosPerSecond;
    const std::string stamp = format_timestamp(t, false);  // 2020-01-01T00:00:00Z
    std::string date = stamp;
    switch (pick(rng)) {
      case 0: date[10] = ' ', date.pop_back(); break;   // 2020-01-01 00:00:00
      case 1: date.pop_back(); break;                     // no Z
      case 2: date = " " + date; break;                   // a space before
      default: break;
    }
    char price[64];
    switch (pick(rng)) {
      case 0: std::snprintf(price, sizeof price, "%.3e", level(rng)); break;
      case 1: std::snprintf(price, sizeof price, "\"%.2f\"", level(rng)); break;
      case 2: std::snprintf(price, sizeof price, " %.4f ", level(rng)); break;
      case 3: std::snprintf(price, sizeof price, "%s", i % 2 ? "" : "NA"); break;
      case 4: std::snprintf(price, sizeof price, "+%.1f", level(rng)); break;
      default: std::snprintf(price, sizeof price, "%.17g", level(rng)); break;
    }
    two += date + "," + price + "\n";
    three += date + "," + price + ",12.5\n";
    quoted += date + "," + price + ",\"12.5\"\n";
    if (i % 500 == 7) two += "# a comment\n", three += "# a comment\n", quoted += "# a comment\n";
  }
  const PriceSeries general = load(quoted, std::string("close"));
  CHECK(general.size() > 2000);
  for (const PriceSeries& quick : {load(two), load(three, std::string("close"))}) {
    CHECK(quick.time == general.time);
    CHECK(quick.price == general.price);
    CHECK(quick.line == general.line);
    CHECK(quick.missing == general.missing);
  }
}

TEST_CASE("several columns read alike whichever path a row takes", "[loader]") {
  // Plain rows take the fast path; a quote, a missing price, spaces or a sign send a row
  // down the general one. Either way each column gets the values written here.
  const std::string text =
      "Date,A,B,C\n"
      "2024-01-01,1.5,2,3\n"
      "2024-01-02,\"1.25\",2.5,3.5\n"
      "2024-01-03,,2.75,4\n"
      "2024-01-04,1.75, 3 ,4.5\n"
      "2024-01-05,2e0,3.25,5\n"
      "2024-01-06,-1,3.5,5.5\n";
  const std::vector<ColumnLoad> columns =
      load_columns(text, "f.csv", {std::string("A"), std::string("B"), std::string("C")}, CsvOptions{});
  const Timestamp day = kNanosPerDay, first = 19723 * kNanosPerDay;  // 2024-01-01
  CHECK(columns[0].series.price == std::vector<double>{1.5, 1.25, 1.75, 2, -1});
  CHECK(columns[0].series.time == std::vector<Timestamp>{first, first + day, first + 3 * day, first + 4 * day, first + 5 * day});
  CHECK(columns[0].series.line == std::vector<std::uint32_t>{2, 3, 5, 6, 7});
  CHECK(columns[0].series.missing == 1);
  CHECK(columns[1].series.price == std::vector<double>{2, 2.5, 2.75, 3, 3.25, 3.5});
  CHECK(columns[2].series.price == std::vector<double>{3, 3.5, 4, 4.5, 5, 5.5});
  CHECK(columns[2].series.line == std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7});
  CHECK_THROWS_WITH(load_columns("Date,A,B\n2024-01-01,1,2\n2024-01-02,1\n", "f.csv",
                                 {std::string("A"), std::string("B")}, CsvOptions{}),
                    Catch::Contains("f.csv:3: row has 2 fields but the header has 3"));
}

TEST_CASE("a long file read row by row keeps its line numbers for messages", "[loader]") {
  // Past its first rows a plain file is read in steps of whole lines; the steps must
  // count lines as LineSource does, so that an error after them names the right line.
  std::string text = "Date,Close\n";
  const size_t rows = 120'000;  // about 3 MB: several steps
  for (size_t i = 0; i < rows; ++i) {
    text += format_timestamp(static_cast<Timestamp>(i) * 60 * kNanosPerSecond, false) + "," +
            std::to_string(100 + i % 97) + ".25\n";
  }
  const PriceSeries series = load(text);
  REQUIRE(series.size() == rows);
  CHECK(series.line.back() == rows + 1);
  CHECK(series.time.back() == static_cast<Timestamp>(rows - 1) * 60 * kNanosPerSecond);
  CHECK(series.price[rows / 2] == 100 + (rows / 2) % 97 + 0.25);
  CHECK_THROWS_WITH(load(text + "1970-03-26T00:00:00Z,12.3.4\n"),
                    Contains("f.csv:" + std::to_string(rows + 2) + ": column \"Close\": \"12.3.4\""));
  CHECK_THROWS_WITH(load(text + "1970-01-01T00:59:00Z,5\n"),
                    Contains("f.csv:" + std::to_string(rows + 2) + ":") &&
                        Contains("line 61: 159.25, line " + std::to_string(rows + 2) + ": 5"));
}

TEST_CASE("empty cells read on the quick path are missing prices, as on the general one", "[loader]") {
  // A wide file: most rows lack a price or two. Past the first rows (read on the general
  // path) the same rows, quoted in a fourth column, take the general path throughout.
  std::string quick = "Date,A,B,C\n", general = "Date,A,B,C,D\n";
  for (int i = 0; i < 400; ++i) {
    const std::string date = format_timestamp(day(2020, 1, 1) + i * kNanosPerDay, true);
    const std::string a = i % 3 == 0 ? "" : std::to_string(100 + i) + ".5";
    const std::string b = i % 5 == 0 ? "" : std::to_string(200 + i);
    const std::string c = i % 15 == 0 ? "" : "3.25";
    quick += date + "," + a + "," + b + "," + c + "\n";
    general += date + "," + a + "," + b + "," + c + ",\"x\"\n";
  }
  const std::vector<std::optional<std::string>> names = {std::string("A"), std::string("B"), std::string("C")};
  const std::vector<ColumnLoad> fast = load_columns(quick, "f.csv", names, CsvOptions{});
  const std::vector<ColumnLoad> slow = load_columns(general, "f.csv", names, CsvOptions{});
  for (size_t c = 0; c < 3; ++c) {
    CAPTURE(c);
    CHECK(fast[c].series.time == slow[c].series.time);
    CHECK(fast[c].series.price == slow[c].series.price);
    CHECK(fast[c].series.line == slow[c].series.line);
    CHECK(fast[c].series.missing == slow[c].series.missing);
  }
  CHECK(fast[0].series.missing == 134);  // i % 3 == 0 for i < 400
  CHECK(fast[2].series.size() == 400 - 27);
}
