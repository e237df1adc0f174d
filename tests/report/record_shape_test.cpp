// The sections named by the options are the sections an analysis really has: the
// columns a batch prints before any pair runs (record_columns) equal the fields of a
// real analysis with the same options, for every option family.

#include <catch2/catch.hpp>
#include <sstream>

#include "golden.hpp"
#include "hedgecalc/analysis_record.hpp"
#include "cli/single_command.hpp"
#include "source_tree.hpp"

using namespace hedgecalc;

namespace {


// The csv header of a real run.
std::vector<std::string> header_of(const std::string& csv) {
  std::vector<std::string> names;
  std::istringstream line(csv.substr(0, csv.find('\n')));
  for (std::string name; std::getline(line, name, ',');) names.push_back(name);
  return names;
}

}  // namespace

TEST_CASE("record_columns names exactly the fields a real analysis prints", "[record]") {
  SourceTreeFileSystem files;
  for (const std::string options : {
           "", "--se hac", "--se hac --hac-lags 3 --horizon 2", "--periods-per-year auto",
           "--exposure 1e6", "--exposure 1e6 --position -10 --band 0.1",
           "--stability", "--stability --break-at 2024-01-01", "--window 60", "--window 30d",
           "--expanding", "--ewma 0.94", "--kalman", "--window 60 --rebalance 20",
           "--ewma 0.94 --rebalance 20", "--kalman --rebalance 20",
           "--window 60 --ewma 0.9 --kalman --rebalance 20 --compare",
           "--rebalance 20 --compare --cost-bps 5", "--rebalance 20 --compare --cost-bps 0",
           "--ewma 0.9 --rebalance 20 --compare --carry 0.02",
           "--horizons 1,5", "--estimators", "--risk", "--risk --window 60 --rebalance 20",
           "--accounting --exposure 1e6 --contract-size 2"}) {
    INFO(options);
    std::vector<std::string> args = split_words(options + " --format csv data/token.csv data/btc.csv");
    const SingleOptions parsed = parse_single_options(args);
    const std::vector<std::string> printed = header_of(run_single(parsed, files).out);
    CHECK(record_columns(analysis_sections(parsed.analysis, 1)) == printed);
  }
}

TEST_CASE("a basket's record_columns follow its proxies", "[record]") {
  SourceTreeFileSystem files;
  for (const std::string options : {"", "--exposure 1e6 --proxy-price 10,20", "--stability",
                                    "--risk --periods-per-year 252"}) {
    INFO(options);
    const SingleOptions parsed = parse_single_options(split_words(
        options + " --format csv tests/data/basket.csv:target tests/data/basket.csv:p1 "
                  "tests/data/basket.csv:p2"));
    const std::vector<std::string> printed = header_of(run_single(parsed, files).out);
    CHECK(record_columns(analysis_sections(parsed.analysis, 2)) == printed);
  }
}
