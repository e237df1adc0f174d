#include "hedgecalc/series_spec.hpp"

#include <catch2/catch.hpp>

using namespace hedgecalc;

TEST_CASE("PATH[:COLUMN] prefers an existing file", "[series_spec]") {
  MemoryFileSystem files;
  files.add("odd:name.csv", "");
  files.add("btc.csv", "");
  CHECK(parse_series_spec("odd:name.csv", files).path == "odd:name.csv");
  CHECK_FALSE(parse_series_spec("odd:name.csv", files).column);
  const SeriesSpec spec = parse_series_spec("btc.csv:Adj Close", files);
  CHECK(spec.path == "btc.csv");
  CHECK(spec.column == std::string("Adj Close"));
  CHECK(parse_series_spec("dir/x.csv:5", files).column == std::string("5"));
  CHECK(parse_series_spec("-:Close", files).path == "-");
  CHECK(parse_series_spec("missing.csv", files).path == "missing.csv");
}
