// End to end: the built binary on files under data/ and tests/data/, checking
// stdout, stderr and the contract's exit codes.

#include <catch2/catch.hpp>
#include <sstream>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
// Flat `"key": value` lines of hedgecalc's indented JSON, as field -> text.
std::map<std::string, std::string> parse_flat_json(const std::string& text) {
  std::map<std::string, std::string> fields;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const size_t colon = line.find("\": ");
    if (line.rfind("  \"", 0) != 0 || colon == std::string::npos) continue;
    std::string value = line.substr(colon + 3);
    if (!value.empty() && value.back() == ',') value.pop_back();
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    fields[line.substr(3, colon - 3)] = value;
  }
  return fields;
}

void check_data_error(const ProcessResult& r, const std::string& words) {
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, StartsWith("hedgecalc: error: ") && Contains(words));
}

void check_usage_error(const ProcessResult& r, const std::string& words) {
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, StartsWith("hedgecalc: error: ") && Contains(words));
}
}  // namespace

TEST_CASE("the README's sample command prints the analysis", "[cli]") {
  const ProcessResult r = run_hedgecalc("data/token.csv data/btc.csv");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Contains("Hedging data/token.csv:price with data/btc.csv:Adj Close") &&
                        Contains("short 1.36 of proxy per 1 of target") &&
                        Contains("727 simple returns from 2023-01-02 to 2024-12-31"));
}

TEST_CASE("json output of the sample pair matches statsmodels on every field", "[cli]") {
  const ProcessResult r = run_hedgecalc("--format json data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  const auto fields = parse_flat_json(r.out);
  CHECK(fields.at("target") == "data/token.csv:price");
  CHECK(fields.at("proxy") == "data/btc.csv:Adj Close");
  for (const GoldenCase& c : read_golden_cases()) {
    if (c.name == "crypto_simple") check_fields(c, fields, 1e-10);
  }
}

TEST_CASE("csv, tsv and ndjson print the same fields, and --no-header drops the header", "[cli]") {
  const ProcessResult csv = run_hedgecalc("--format csv data/acme.csv data/index.csv");
  const ProcessResult tsv = run_hedgecalc("--format tsv data/acme.csv data/index.csv");
  const ProcessResult nd = run_hedgecalc("--format ndjson data/acme.csv data/index.csv");
  const ProcessResult bare = run_hedgecalc("--format csv --no-header data/acme.csv data/index.csv");
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, StartsWith("target,proxy,returns,n,start,end,hedge_ratio,std_error,t_stat,"
                                 "ci_low,ci_high,confidence,se,intercept,correlation,r_squared,"
                                 "effectiveness,vol_target,vol_proxy,vol_hedged,alignment_target_rows,"
                        "alignment_target_missing,alignment_target_unmatched,alignment_proxy_rows,"
                        "alignment_proxy_missing,alignment_proxy_unmatched\n"));
  std::string tab_as_comma = tsv.out;
  for (char& c : tab_as_comma) c = c == '\t' ? ',' : c;
  CHECK(tab_as_comma == csv.out);
  CHECK(csv.out.substr(csv.out.find('\n') + 1) == bare.out);
  CHECK(std::count(nd.out.begin(), nd.out.end(), '\n') == 1);
  CHECK_THAT(nd.out, StartsWith("{\"target\":\"data/acme.csv:Adj Close\""));
}

TEST_CASE("standard input as a series", "[cli]") {
  const ProcessResult r =
      run_hedgecalc("--format csv --no-header data/token.csv -", source_dir() + "/data/btc.csv");
  const ProcessResult direct = run_hedgecalc("--format csv --no-header data/token.csv data/btc.csv");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.substr(r.out.find(",simple")) == direct.out.substr(direct.out.find(",simple")));
  CHECK_THAT(r.out, Contains("-:Adj Close"));
}

TEST_CASE("help and version exit 0", "[cli]") {
  const ProcessResult help = run_hedgecalc("--help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Contains("--format") && Contains("--returns") && Contains("Exit codes"));
  const ProcessResult version = run_hedgecalc("--version");
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, StartsWith("hedgecalc "));
  // The commit it was built from, when built from a git checkout.
  CHECK_THAT(version.out, Contains(" (commit "));
  if (std::system(("git -C '" + source_dir() + "' rev-parse HEAD >/dev/null 2>&1").c_str()) == 0) {
    CHECK_THAT(version.out, !Contains("(commit unknown)"));
  }
}

TEST_CASE("usage errors exit 2 with an empty stdout", "[cli]") {
  check_usage_error(run_hedgecalc("--bogus data/token.csv data/btc.csv"), "--bogus");
  check_usage_error(run_hedgecalc("data/token.csv"), "expected TARGET and at least one PROXY");
  check_usage_error(run_hedgecalc("--format xml data/token.csv data/btc.csv"), "--format");
  check_usage_error(run_hedgecalc("--returns pct data/token.csv data/btc.csv"), "--returns");
  check_usage_error(run_hedgecalc("--from 2024-02-01 --to 2024-01-01 data/token.csv data/btc.csv"),
                    "after --to");
  check_usage_error(run_hedgecalc("--from soon data/token.csv data/btc.csv"), "not a date");
  check_usage_error(run_hedgecalc("--confidence 1.5 data/token.csv data/btc.csv"), "--confidence");
  check_usage_error(run_hedgecalc("- -"), "standard input");
}

TEST_CASE("every rule between options is checked before any file is read", "[cli]") {
  // The files do not exist: a usage error must come first, whichever command it is.
  const std::string missing = " tests/data/no_such_target.csv tests/data/no_such_proxy.csv";
  for (const auto& [options, words] : std::vector<std::pair<std::string, std::string>>{
           {"--compare", "--compare backtests every estimator"},
           {"--rebalance 5", "--rebalance needs an estimator"},
           {"--band 0.1 --exposure 1", "--band says when a trade is too small"},
           {"--position 3 --exposure 1 --window 5 --ewma 0.9 --halflife 3", "not both"},
           {"--accounting", "add --exposure X"},
           {"--cost-bps 5", "add --rebalance K"},
           {"--plot x.svg", "--plot draws"},
           {"--exposure 1 --returns none", "give --proxy-price"},
           {"--horizon 5 --returns none", "--horizon K needs prices"}}) {
    INFO(options);
    check_usage_error(run_hedgecalc(options + missing), words);
  }
  check_usage_error(run_hedgecalc("--window 5 tests/data/a.csv tests/data/b.csv tests/data/c.csv"),
                    "not a basket");
  check_usage_error(run_hedgecalc("batch --compare tests/data/no_such_pairs.csv"),
                    "--compare backtests every estimator");
  check_usage_error(run_hedgecalc("batch --shard 3/2 tests/data/no_such_pairs.csv"), "--shard");
  check_usage_error(run_hedgecalc("matrix --best --layout wide tests/data/no_such_prices.csv"),
                    "--best");
}

TEST_CASE("data errors exit 1, name file and line, and print nothing on stdout", "[cli]") {
  check_data_error(run_hedgecalc("data/nope.csv data/btc.csv"),
                   "data/nope.csv: cannot open: No such file or directory");
  check_data_error(run_hedgecalc("data data/btc.csv"), "data: is a directory");
  check_data_error(run_hedgecalc("tests/data/bad_number.csv data/btc.csv"),
                   "tests/data/bad_number.csv:4: column \"Close\": \"12.3.4\" is not a number");
  check_data_error(run_hedgecalc("tests/data/zero_price.csv tests/data/five_rows.csv"),
                   "tests/data/zero_price.csv:3: column \"Close\": price 0 is not positive");
  check_data_error(run_hedgecalc("tests/data/three_rows.csv tests/data/five_rows.csv"),
                   "only 2 aligned returns");
  check_data_error(run_hedgecalc("tests/data/five_rows.csv tests/data/constant.csv"),
                   "zero variance");
  check_data_error(run_hedgecalc("data/btc.csv:Nope data/token.csv"), "no column \"Nope\"");
  check_data_error(run_hedgecalc("tests/data/noon.csv tests/data/five_rows.csv"),
                   "only 0 aligned returns");
}

TEST_CASE("diff returns accept a zero price", "[cli]") {
  const ProcessResult r =
      run_hedgecalc("--returns diff --format csv tests/data/zero_price.csv tests/data/five_rows.csv");
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("a constant target prints undefined values as empty and null", "[cli]") {
  const ProcessResult csv =
      run_hedgecalc("--format csv tests/data/constant.csv tests/data/five_rows.csv");
  REQUIRE(csv.exit_code == 0);
  const auto fields = parse_csv_row(csv.out);
  CHECK(fields.at("correlation").empty());
  CHECK(fields.at("effectiveness").empty());
  CHECK(fields.at("hedge_ratio") == "0");
  const ProcessResult json =
      run_hedgecalc("--format json tests/data/constant.csv tests/data/five_rows.csv");
  CHECK(parse_flat_json(json.out).at("correlation") == "null");
}
