// End to end: `hedgecalc batch` through the built binary, including the GNU parallel
// sharding recipe from the README.

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
const std::string kPairs = "tests/data/batch/pairs.csv";
}

TEST_CASE("batch rows equal the single analyses, in input order, with failures as rows",
          "[cli][batch]") {
  const ProcessResult r = run_hedgecalc("batch --format csv --jobs 3 " + kPairs);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("4 of 10 pairs failed"));
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 10);
  for (size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].at("id") == "p" + std::to_string(i + 1));
  CHECK(rows[3].at("status") == "error");
  CHECK_THAT(rows[3].at("error"), Contains("missing.csv: cannot open"));
  CHECK_THAT(rows[6].at("error"), Contains("../errors/bad_number.csv: cannot open"));
  CHECK(rows[7].at("status") == "error");
  CHECK(rows[7].at("hedge_ratio").empty());
  CHECK(rows[7].count("vol_hedged") == 1);
  CHECK_THAT(rows[7].at("error"), Contains("bad_number.csv:4: column \"Close\""));
  CHECK_THAT(rows[8].at("error"), Contains("zero variance"));
  // Paths resolve from the PAIRS folder; labels keep them as written.
  CHECK(rows[0].at("target") == "../../../data/token.csv:price");
  // Each ok row equals the single analysis of that pair.
  for (const auto& [index, args] : std::vector<std::pair<size_t, std::string>>{
           {0, "data/token.csv data/btc.csv"},
           {1, "data/acme.csv data/index.csv"},
           {5, "tests/data/shapes/wide.csv:ETH-USD tests/data/shapes/wide.csv:BTC-USD"}}) {
    const auto single = parse_csv_row(run_hedgecalc("--format csv " + args).out);
    INFO(args);
    CHECK(rows[index].at("status") == "ok");
    for (const char* field : {"n", "start", "end", "hedge_ratio", "std_error", "ci_low",
                              "correlation", "effectiveness", "vol_hedged"}) {
      CHECK(rows[index].at(field) == single.at(field));
    }
  }
}

TEST_CASE("batch options apply to every pair; formats; stdin PAIRS", "[cli][batch]") {
  const ProcessResult nd =
      run_hedgecalc("batch --format ndjson --window 20 --se hac tests/data/batch/pairs.csv");
  CHECK(std::count(nd.out.begin(), nd.out.end(), '\n') == 10);
  CHECK_THAT(nd.out, Contains("\"rolling\":{\"window\":20") && Contains("\"se\":\"hac\""));
  // From standard input, paths resolve from the current folder.
  const ProcessResult piped =
      run_hedgecalc("batch --format csv -", source_dir() + "/tests/data/batch/pairs_from_root.csv");
  CHECK_THAT(piped.out, Contains("x,data/token.csv:price,data/btc.csv:Adj Close,ok"));
  CHECK(run_hedgecalc("batch --series " + kPairs).exit_code == 2);
  CHECK(run_hedgecalc("batch --shard 5/4 " + kPairs).exit_code == 2);
  const ProcessResult no_pairs = run_hedgecalc("batch tests/data/five_rows.csv");
  CHECK(no_pairs.exit_code == 1);
  CHECK(no_pairs.out.empty());
  CHECK_THAT(no_pairs.err, Contains("five_rows.csv:1: the header must name a target and a proxy"));
}

TEST_CASE("shards cover the pairs once", "[cli][batch]") {
  std::vector<std::string> ids;
  for (int shard = 1; shard <= 3; ++shard) {
    const auto rows = parse_csv_table(
        run_hedgecalc("batch --format csv --shard " + std::to_string(shard) + "/3 " + kPairs).out);
    for (const auto& row : rows) ids.push_back(row.at("id"));
  }
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"p1", "p10", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
                                        "p9"});
}

TEST_CASE("the guide's GNU parallel recipe equals one run, byte for byte", "[cli][batch]") {
  // docs/guide.md: N shards written with --output, merged by taking a line of each part
  // in turn (shard I holds rows I, I+N, ...), the first header kept. 4 shards of 10 pairs.
  const std::string folder = fresh_folder("parallel_recipe");
  const std::string hedgecalc = HEDGECALC_BINARY;
  const std::string pairs = source_dir() + "/" + kPairs;
  const std::string command =
      "cd '" + folder + "' && parallel --will-cite -j 4 '" + hedgecalc +
      "' batch --quiet --format csv --shard {}/4 --output part-{}.csv '" + pairs +
      "' ::: $(seq 4) 2>/dev/null; paste -d '\\n' $(seq -f 'part-%g.csv' 4) | "
      "awk -v n=4 '(NR == 1 || NR > n) && NF' > all.csv && '" + hedgecalc +
      "' batch --quiet --format csv '" + pairs + "' 2>/dev/null | cmp - all.csv";
  REQUIRE(std::system("command -v parallel >/dev/null") == 0);
  CHECK(std::system(command.c_str()) == 0);
  CHECK(file_text(folder + "/all.csv").size() > 500);
}

TEST_CASE("batch and matrix print the same bytes on one core or several", "[cli][batch][matrix]") {
  // Pairs, and the matrix's product blocks and rows, are shared among --jobs threads;
  // every sum keeps its order either way, so the output may not change.
  const std::string many_pairs = " --window 40 --rebalance 5 --risk --estimators data/watchlist.csv";
  const ProcessResult one = run_hedgecalc("batch --quiet --format csv --jobs 1" + many_pairs);
  const ProcessResult four = run_hedgecalc("batch --quiet --format csv --jobs 4" + many_pairs);
  INFO(one.err);
  CHECK(one.exit_code == four.exit_code);
  CHECK(one.out.size() > 500);
  CHECK(one.out == four.out);
  const std::string matrix = "matrix --format csv data/prices_wide.csv data/index.csv";
  const ProcessResult single = run_hedgecalc(matrix + " --jobs 1");
  const ProcessResult threads = run_hedgecalc(matrix + " --jobs 3");
  INFO(single.err);
  CHECK(single.exit_code == 0);
  CHECK(single.out == threads.out);
}
