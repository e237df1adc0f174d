// End to end: `hedgecalc matrix` through the built binary.

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
const std::string kWide = "tests/data/shapes/wide.csv";
}

TEST_CASE("matrix rows equal single analyses of each pair", "[cli][matrix]") {
  const ProcessResult r = run_hedgecalc("matrix --format csv " + kWide);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("target,proxy,n,hedge_ratio,correlation,effectiveness\n"));
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 6);
  for (const auto& row : rows) {
    const auto single =
        parse_csv_row(run_hedgecalc("--format csv " + row.at("target") + " " + row.at("proxy")).out);
    INFO(row.at("target") << " on " << row.at("proxy"));
    CHECK(row.at("n") == single.at("n"));
    for (const char* field : {"hedge_ratio", "correlation", "effectiveness"}) {
      CHECK(close_enough(single.at(field), row.at(field), 1e-10));
    }
  }
}

TEST_CASE("matrix --best, --layout wide and the other formats", "[cli][matrix]") {
  const auto best = parse_csv_table(run_hedgecalc("matrix --format csv --best " + kWide).out);
  REQUIRE(best.size() == 3);
  CHECK(best[0].at("target") == kWide + ":^GSPC");
  CHECK(best[0].at("proxy") == kWide + ":ETH-USD");  // 0.034 beats BTC's 0.0032
  const ProcessResult wide =
      run_hedgecalc("matrix --format csv --layout wide --field n " + kWide);
  CHECK_THAT(wide.out, StartsWith("target," + kWide + ":^GSPC," + kWide + ":BTC-USD," + kWide +
                                  ":ETH-USD\n" + kWide + ":^GSPC,,38,33\n"));
  const ProcessResult nd = run_hedgecalc("matrix --format ndjson " + kWide);
  CHECK(std::count(nd.out.begin(), nd.out.end(), '\n') == 6);
  const ProcessResult table = run_hedgecalc("matrix " + kWide);
  CHECK_THAT(table.out, StartsWith("target ") && Contains("effectiveness"));
}

TEST_CASE("matrix errors", "[cli][matrix]") {
  CHECK(run_hedgecalc("matrix --window 5 " + kWide).exit_code == 2);
  CHECK(run_hedgecalc("matrix --best --layout wide " + kWide).exit_code == 2);
  const ProcessResult one = run_hedgecalc("matrix tests/data/five_rows.csv");
  CHECK(one.exit_code == 1);
  CHECK_THAT(one.err, Contains("at least two price columns"));
  const ProcessResult bad = run_hedgecalc("matrix tests/data/errors/bad_utf8_name.csv tests/data/bad_number.csv");
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Contains("bad_number.csv:4: column \"Close\""));
}

namespace {

// The lines of a shard's output after its header (or all of them with no header).
std::vector<std::string> lines_of(const std::string& text, size_t skip) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (skip > 0) {
      --skip;
      continue;
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("matrix shards print one run's rows, each once", "[cli][matrix][shard]") {
  // Two files: the columns are counted over both, in argument order.
  const std::string prices = " data/prices_wide.csv " + kWide;
  struct Form { std::string options; size_t header_lines; };
  for (const Form& form : {Form{"--format csv", 1}, Form{"--format csv --best", 1},
                           Form{"--format csv --layout wide --field n", 1},
                           Form{"--format ndjson", 0}, Form{"--format tsv --no-header", 0}}) {
    const ProcessResult whole = run_hedgecalc("matrix " + form.options + prices);
    REQUIRE(whole.exit_code == 0);
    std::vector<std::string> expected = lines_of(whole.out, form.header_lines);
    for (size_t count : {1, 2, 3, 7, 9}) {
      std::vector<std::string> rows;
      for (size_t index = 1; index <= count; ++index) {
        const ProcessResult part = run_hedgecalc("matrix " + form.options + " --shard " +
                                                 std::to_string(index) + "/" + std::to_string(count) + prices);
        REQUIRE(part.exit_code == 0);
        if (part.out.empty()) continue;  // a shard with no targets (9 > 7 columns)
        if (form.header_lines == 1) CHECK(part.out.substr(0, part.out.find('\n')) == whole.out.substr(0, whole.out.find('\n')));
        for (std::string& row : lines_of(part.out, form.header_lines)) rows.push_back(std::move(row));
      }
      INFO(form.options << " in " << count << " shards");
      CHECK(rows.size() == expected.size());
      std::sort(rows.begin(), rows.end());
      std::vector<std::string> sorted = expected;
      std::sort(sorted.begin(), sorted.end());
      CHECK(rows == sorted);
    }
  }
}

TEST_CASE("matrix --shard takes I/N with 1 <= I <= N", "[cli][matrix][shard]") {
  for (const char* bad : {"0/4", "5/4", "1/0", "1/-1", "a/b", "2", "1/4/4"}) {
    const ProcessResult r = run_hedgecalc(std::string("matrix --shard ") + bad + " " + kWide);
    INFO(bad);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("--shard") && Contains("I/N"));
  }
}
