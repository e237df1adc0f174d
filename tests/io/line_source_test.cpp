#include "io/line_source.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {
std::vector<std::pair<std::string, size_t>> records(std::string_view bytes, char delimiter = ',') {
  LineSource source("f.csv", bytes);
  std::vector<std::pair<std::string, size_t>> out;
  while (auto record = source.next(delimiter)) out.emplace_back(record->text, record->line);
  return out;
}
}  // namespace

TEST_CASE("lines with LF, CRLF, a BOM and no final newline", "[line_source]") {
  using R = std::vector<std::pair<std::string, size_t>>;
  CHECK(records("a\nb\n") == R{{"a", 1}, {"b", 2}});
  CHECK(records("a\r\nb\r\n") == R{{"a", 1}, {"b", 2}});
  CHECK(records("\xEF\xBB\xBF" "a\nb") == R{{"a", 1}, {"b", 2}});
  CHECK(records("").empty());
}

TEST_CASE("a quoted field holding a line break joins lines", "[line_source]") {
  using R = std::vector<std::pair<std::string, size_t>>;
  CHECK(records("a,\"x\ny\",b\nc\n") == R{{"a,\"x\ny\",b", 1}, {"c", 3}});
}

TEST_CASE("an unterminated quote names its line", "[line_source]") {
  CHECK_THROWS_WITH(records("h\nok\n\"open,1\nmore\n"),
                    Contains("f.csv:3:") && Contains("unterminated quote"));
}

TEST_CASE("NUL bytes are rejected with line and column", "[line_source]") {
  const std::string bytes("Date,Close\n2024-01-01,1\0\n", 25);
  CHECK_THROWS_WITH(LineSource("f.csv", bytes), Contains("f.csv:2:") && Contains("column 13") &&
                                                    Contains("NUL byte"));
}

TEST_CASE("the count of line ends is a plain count of newline bytes", "[line_source]") {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> byte(1, 255), length(0, 5000), newline_odds(0, 3);
  for (int trial = 0; trial < 200; ++trial) {
    // From no line ends to nothing but line ends (a word of eight, 255 words in a row).
    const int odds = newline_odds(rng);
    std::string text(static_cast<size_t>(length(rng)), 'x');
    for (char& c : text) c = odds == 3 || byte(rng) % 4 < odds ? '\n' : static_cast<char>(byte(rng));
    LineSource source("f.csv", text);
    CHECK(source.remaining_line_count() ==
          static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  }
}

TEST_CASE("the count of line ends left stays a plain count as lines are read", "[line_source]") {
  // The count is taken once at the start; after each record it must still be the
  // newline bytes of what is left, with a last line that has no newline too.
  for (const std::string text : {"h\na\nb\n", "h\na\nb", "\n\n\n", "x", "", "h\n\"q\nq\"\nz\n"}) {
    LineSource source("f.csv", text);
    for (;;) {
      const std::string_view left = source.rest();
      CHECK(source.remaining_line_count() ==
            static_cast<size_t>(std::count(left.begin(), left.end(), '\n')) + 1);
      if (!source.next(',')) break;
    }
  }
}

TEST_CASE("a NUL byte anywhere is found, in a word or in the tail", "[line_source]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> length(1, 300);
  for (int trial = 0; trial < 300; ++trial) {
    std::string text(static_cast<size_t>(length(rng)), 'a');
    for (size_t i = 9; i < text.size(); i += 10) text[i] = '\n';
    // Bytes next to zero in the SWAR test: 0x01 and 0x80 must not read as NUL.
    text[std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng)] = '\x01';
    text[std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng)] = '\x80';
    CHECK_NOTHROW(LineSource("f.csv", text));
    text[std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng)] = '\0';
    CHECK_THROWS_WITH(LineSource("f.csv", text), Contains("NUL byte"));
  }
}
