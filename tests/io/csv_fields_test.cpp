#include "io/csv_fields.hpp"

#include <catch2/catch.hpp>

using namespace hedgecalc;

namespace {
std::vector<std::string> split(std::string_view record, char delimiter = ',') {
  FieldSplitter splitter;
  REQUIRE(splitter.split(record, delimiter) == SplitStatus::kOk);
  return {splitter.fields().begin(), splitter.fields().end()};
}
}  // namespace

TEST_CASE("plain fields, empty fields and other delimiters", "[csv_fields]") {
  CHECK(split("a,b,,c") == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(split("") == std::vector<std::string>{""});
  CHECK(split("a;b", ';') == std::vector<std::string>{"a", "b"});
  CHECK(split("a\tb", '\t') == std::vector<std::string>{"a", "b"});
}

TEST_CASE("RFC 4180 quoting", "[csv_fields]") {
  CHECK(split("\"42,261.60\",x") == std::vector<std::string>{"42,261.60", "x"});
  CHECK(split("\"say \"\"hi\"\"\",2") == std::vector<std::string>{"say \"hi\"", "2"});
  CHECK(split("\"\",\"a\"") == std::vector<std::string>{"", "a"});
  CHECK(split("a, \"b\" ,c") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split("\"line\nbreak\",1") == std::vector<std::string>{"line\nbreak", "1"});
}

TEST_CASE("bad quoting is reported with its offset", "[csv_fields]") {
  FieldSplitter splitter;
  CHECK(splitter.split("a,\"open", ',') == SplitStatus::kUnterminatedQuote);
  CHECK(splitter.error_offset() == 2);
  CHECK(splitter.split("\"a\"b,c", ',') == SplitStatus::kTextAfterQuote);
  CHECK(splitter.error_offset() == 3);
}

TEST_CASE("ends_inside_quotes follows the field grammar", "[csv_fields]") {
  CHECK(ends_inside_quotes("a,\"b", ','));
  CHECK_FALSE(ends_inside_quotes("a,\"b\"", ','));
  CHECK_FALSE(ends_inside_quotes("Adj. Close\",x", ','));  // a quote mid-field is text
  CHECK(ends_inside_quotes("\"a\"\"", ','));
}

TEST_CASE("detect_delimiter picks the commonest candidate outside quotes", "[csv_fields]") {
  CHECK(detect_delimiter("Date,Close") == ',');
  CHECK(detect_delimiter("Date;Close;Volume") == ';');
  CHECK(detect_delimiter("Date\tClose") == '\t');
  CHECK(detect_delimiter("Date|Close") == '|');
  CHECK(detect_delimiter("\"a,b,c\";d") == ';');
  CHECK(detect_delimiter("Close") == ',');
}
