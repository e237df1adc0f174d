#include "hedgecalc/text.hpp"

#include <catch2/catch.hpp>

using namespace hedgecalc;

TEST_CASE("trim removes spaces and tabs at both ends only", "[text]") {
  CHECK(trim("  a b\t") == "a b");
  CHECK(trim("") == "");
  CHECK(trim(" \t ") == "");
}

TEST_CASE("iequals ignores ASCII case", "[text]") {
  CHECK(iequals("Adj Close", "adj close"));
  CHECK_FALSE(iequals("Close", "Closes"));
}

TEST_CASE("quoted_excerpt escapes what a terminal should not see and cuts long text", "[text]") {
  CHECK(quoted_excerpt("12.3.4") == "\"12.3.4\"");
  CHECK(quoted_excerpt("a\"b") == "\"a\\\"b\"");
  CHECK(quoted_excerpt(std::string("a\x01z", 3)) == "\"a\\x01z\"");
  CHECK(quoted_excerpt("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(quoted_excerpt("bad\xFF") == "\"bad\\xFF\"");
  CHECK(quoted_excerpt(std::string(100, 'x'), 10) == "\"xxxxxxxxxx...\"");
}

TEST_CASE("utf8_sequence_length rejects overlong and truncated sequences", "[text]") {
  CHECK(utf8_sequence_length("\xE2\x82\xAC") == 3);
  CHECK(utf8_sequence_length("\xC0\x80") == 0);
  CHECK(utf8_sequence_length("\xE2\x82") == 0);
  CHECK(utf8_sequence_length("\xED\xA0\x80") == 0);  // a surrogate
}

TEST_CASE("printable_message escapes control bytes and invalid UTF-8, and cuts the middle",
          "[text]") {
  CHECK(printable_message("a.csv:3: fine \\ text \xC3\xA9") == "a.csv:3: fine \\ text \xC3\xA9");
  CHECK(printable_message(std::string("no\nsuch\xFF.csv\0x", 14)) == "no\\x0Asuch\\xFF.csv\\x00x");
  const std::string long_text = "start" + std::string(5000, 'A') + "end";
  const std::string cut = printable_message(long_text, 100);
  CHECK(cut.size() < 140);
  CHECK(cut.rfind("start", 0) == 0);
  CHECK(cut.substr(cut.size() - 3) == "end");
  CHECK(cut.find("4908 bytes cut") != std::string::npos);
  // Never inside a UTF-8 sequence: the cut text is valid UTF-8.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\xC3\xA9";
  const std::string cut_accents = printable_message(accents, 51);
  for (size_t i = 0; i < cut_accents.size();) {
    const size_t length = utf8_sequence_length(std::string_view(cut_accents).substr(i));
    REQUIRE(length > 0);
    i += length;
  }
}
