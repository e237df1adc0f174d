// GrowingCsv, the loader fed in pieces as a followed file grows: whatever the pieces,
// the rows and every message equal load_columns' over the whole file.

#include <catch2/catch.hpp>

#include <cstdio>
#include <random>

#include "hedgecalc/error.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/timestamp.hpp"

using namespace hedgecalc;

namespace {

// text fed in whole-line pieces of random sizes; the rows each column read.
std::vector<PriceSeries> fed_in_pieces(const std::string& text, const std::vector<std::optional<std::string>>& columns,
                                       unsigned seed) {
  GrowingCsv csv("f.csv", columns, CsvOptions{});
  std::mt19937 random(seed);
  std::vector<PriceSeries> rows(columns.size());
  size_t at = 0;
  while (at < text.size()) {
    size_t end = std::min(text.size(), at + std::uniform_int_distribution<size_t>(1, 300)(random));
    end = text.find('\n', end - 1);
    end = end == std::string::npos ? text.size() : end + 1;
    csv.feed(std::string_view(text).substr(at, end - at));
    at = end;
    for (size_t c = 0; c < columns.size(); ++c) {
      PriceSeries& s = csv.columns()[c].series;
      rows[c].file = s.file;
      rows[c].column = s.column;
      rows[c].missing = s.missing;
      rows[c].time.insert(rows[c].time.end(), s.time.begin(), s.time.end());
      rows[c].price.insert(rows[c].price.end(), s.price.begin(), s.price.end());
      rows[c].line.insert(rows[c].line.end(), s.line.begin(), s.line.end());
      s.time.clear(), s.price.clear(), s.line.clear();
    }
  }
  return rows;
}

std::string sample_file() {
  std::string text = "# exported\nDate,Open,Close,Volume\n";
  for (int i = 0; i < 400; ++i) {
    char line[96];
    const std::string date = format_timestamp((18628 + i) * kNanosPerDay, true);  // from 2021-01-01
    std::snprintf(line, sizeof line, "%s,%d.5,%s,%d\n", date.c_str(), 100 + i,
                  i % 37 == 5 ? "" : std::to_string(200 + i * 0.25).c_str(), 1000 + i);
    if (i % 50 == 7) text += "\n";
    text += line;
  }
  return text;
}

}  // namespace

TEST_CASE("a CSV fed in pieces reads as the whole file does", "[loader][follow]") {
  const std::string text = sample_file();
  const std::vector<std::optional<std::string>> columns{std::string("Close"), std::nullopt, std::string("Open")};
  const std::vector<ColumnLoad> whole = load_columns(text, "f.csv", columns, CsvOptions{});
  for (unsigned seed : {1u, 2u, 3u}) {
    const std::vector<PriceSeries> pieces = fed_in_pieces(text, columns, seed);
    for (size_t c = 0; c < columns.size(); ++c) {
      CHECK(pieces[c].column == whole[c].series.column);
      CHECK(pieces[c].time == whole[c].series.time);  // in order already: sorting changes nothing
      CHECK(pieces[c].price == whole[c].series.price);
      CHECK(pieces[c].line == whole[c].series.line);
      CHECK(pieces[c].missing == whole[c].series.missing);
    }
  }
}

TEST_CASE("a bad row of a growing CSV is named by its line in the whole file", "[loader][follow]") {
  std::string text = sample_file();
  const size_t at = text.find("2021-07-05");
  text.replace(at, 10, "2021-13-05");
  std::string whole_message, piece_message;
  try {
    load_columns(text, "f.csv", {std::string("Close")}, CsvOptions{});
  } catch (const DataError& e) {
    whole_message = e.what();
  }
  try {
    fed_in_pieces(text, {std::string("Close")}, 4);
  } catch (const DataError& e) {
    piece_message = e.what();
  }
  CHECK_THAT(whole_message, Catch::Contains("f.csv:"));
  CHECK(piece_message == whole_message);
  CHECK_THROWS_WITH(fed_in_pieces("Date,Close\n2021-01-01,1\n", {std::string("Open")}, 1), Catch::Contains("Open"));
}
