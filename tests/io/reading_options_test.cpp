// Per-series reading options: where they start in an argument, what each value means,
// and how they sit on top of the command line's.

#include "hedgecalc/reading_options.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"
#include "hedgecalc/series_spec.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
std::string cli_spelling(const std::string& name, const std::string& value) {
  return "--" + name + " " + value;
}
}  // namespace

TEST_CASE("reading options start at the first @word= (or a bare @word)", "[reading_options]") {
  auto split = [](const std::string& argument) {
    const ReadingSuffix s = split_reading_suffix(argument);
    return s.base + " | " + s.suffix;
  };
  CHECK(split("eu.csv:Close@decimal=comma@thousands=dot") == "eu.csv:Close | decimal=comma@thousands=dot");
  CHECK(split("k.csv:5@headerless") == "k.csv:5 | headerless");
  CHECK(split("us.csv@date-format=%m/%d/%Y") == "us.csv | date-format=%m/%d/%Y");
  // Times in a format hold ':'; the column is looked for only before the options.
  CHECK(split("x.csv:Close@date-format=%d.%m.%Y %H:%M") == "x.csv:Close | date-format=%d.%m.%Y %H:%M");
  // An '@' inside a path or a name is not an option.
  CHECK(split("data@v2/x.csv:Close") == "data@v2/x.csv:Close | ");
  CHECK(split("me@Host/x.csv") == "me@Host/x.csv | ");
  CHECK(split("x.csv:a@b.c") == "x.csv:a@b.c | ");
  CHECK(split("plain.csv") == "plain.csv | ");
}

TEST_CASE("a series argument splits into path, column and reading options", "[reading_options]") {
  MemoryFileSystem files;
  files.add("odd@decimal=comma.csv", "");
  files.add("eu.csv", "");
  const SeriesSpec eu = parse_series_spec("eu.csv:Schluss@decimal=comma@thousands=dot", files);
  CHECK(eu.path == "eu.csv");
  CHECK(eu.column == std::string("Schluss"));
  CHECK(eu.reading == "decimal=comma@thousands=dot");
  const SeriesSpec whole = parse_series_spec("eu.csv@decimal=comma", files);
  CHECK(whole.path == "eu.csv");
  CHECK_FALSE(whole.column);
  CHECK(whole.reading == "decimal=comma");
  // A file that exists under the whole name wins.
  CHECK(parse_series_spec("odd@decimal=comma.csv", files).reading.empty());
  const SeriesSpec stdin_spec = parse_series_spec("-:Close@delimiter=semicolon", files);
  CHECK(stdin_spec.path == "-");
  CHECK(stdin_spec.column == std::string("Close"));
}

TEST_CASE("values by name or as the character, checked", "[reading_options]") {
  ReadingText text;
  text.delimiter = "semicolon";
  text.decimal = "comma";
  text.thousands = "dot";
  text.date_format = "%d.%m.%Y";
  text.date_col = "Datum";
  text.headerless = true;
  const CsvOptions csv = apply_reading_text(CsvOptions{}, text, cli_spelling);
  CHECK(csv.delimiter == ';');
  CHECK(csv.decimal == ',');
  CHECK(csv.thousands == '.');
  CHECK(csv.date_format->text() == "%d.%m.%Y");
  CHECK(csv.date_column == std::string("Datum"));
  CHECK(csv.headerless == true);
  for (const auto& [name, c] : std::vector<std::pair<std::string, char>>{
           {"comma", ','}, {"tab", '\t'}, {"\\t", '\t'}, {"pipe", '|'}, {"space", ' '}, {";", ';'}}) {
    ReadingText d;
    d.delimiter = name;
    CHECK(apply_reading_text(CsvOptions{}, d, cli_spelling).delimiter == c);
  }
  ReadingText bad;
  bad.delimiter = ";;";
  CHECK_THROWS_AS(apply_reading_text(CsvOptions{}, bad, cli_spelling), UsageError);
  CHECK_THROWS_WITH(apply_reading_text(CsvOptions{}, bad, cli_spelling), Contains("--delimiter ;;: expected"));
  ReadingText same;
  same.decimal = "comma";
  same.thousands = ",";
  CHECK_THROWS_WITH(apply_reading_text(CsvOptions{}, same, cli_spelling), Contains("must differ"));
  ReadingText unknown_directive;
  unknown_directive.date_format = "%Q";
  CHECK_THROWS_WITH(apply_reading_text(CsvOptions{}, unknown_directive, cli_spelling),
                    Contains("--date-format %Q: unknown directive %Q"));
}

TEST_CASE("a series' own options sit on top of the command line's, and can undo them",
          "[reading_options]") {
  CsvOptions global;
  global.delimiter = ';';
  global.decimal = ',';
  global.thousands = '.';
  global.date_format.emplace("%d.%m.%Y");
  const CsvOptions plain = series_csv_options(
      global, "delimiter=auto@decimal=dot@thousands=none@date-format=auto", "yahoo.csv@...");
  CHECK_FALSE(plain.delimiter);
  CHECK(plain.decimal == '.');
  CHECK_FALSE(plain.thousands);
  CHECK_FALSE(plain.date_format);
  const CsvOptions untouched = series_csv_options(global, "", "eu.csv");
  CHECK(untouched.delimiter == ';');
  CHECK(series_csv_options(CsvOptions{}, "headerless", "k.csv:5@headerless").headerless == true);
  CHECK(series_csv_options(global, "headerless=no", "k.csv@headerless=no").headerless == false);
  CHECK_THROWS_WITH(series_csv_options(global, "decmal=comma", "eu.csv@decmal=comma"),
                    Contains("eu.csv@decmal=comma: unknown reading option \"decmal\""));
  CHECK_THROWS_WITH(series_csv_options(global, "date-format", "eu.csv@date-format"),
                    Contains("needs a value"));
  CHECK_THROWS_WITH(series_csv_options(global, "decimal=semicolon", "eu.csv:Close@decimal=semicolon"),
                    StartsWith("eu.csv:Close@decimal=semicolon: expected . or ,"));
}
