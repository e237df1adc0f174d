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
