// End to end: every item of the "Nothing silent" issue, each a way hedgecalc used to
// be silently wrong or silently lose work. Each test failed before its fix.

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string kPair = "data/token.csv data/btc.csv";

// Runs a shell command from the source folder; returns its exit status.
int shell(const std::string& command) {
  const int status = std::system(("cd '" + source_dir() + "' && " + command).c_str());
  return WEXITSTATUS(status);
}

std::string temp_path(const std::string& name) {
  return "/tmp/hedgecalc_silent_" + std::to_string(::getpid()) + "_" + name;
}

}  // namespace

TEST_CASE("1: a wrong column fails only its own pair", "[cli][silent]") {
  const ProcessResult r = run_hedgecalc("batch --format csv tests/data/batch/columns.csv");
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("status") == "ok");
  CHECK(rows[0].at("target") == "../../../data/acme.csv:Close");
  CHECK(rows[1].at("status") == "error");
  CHECK_THAT(rows[1].at("error"), Contains("no column \"Bogus\""));
  CHECK(r.exit_code == 1);
}

TEST_CASE("2: pairs that miss a threshold are rows with status alarm", "[cli][silent]") {
  const ProcessResult r =
      run_hedgecalc("batch --format csv --min-correlation 0.5 tests/data/batch/alarm.csv");
  CHECK(r.exit_code == 3);
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("status") == "alarm");
  CHECK_THAT(rows[0].at("error"), Contains("correlation") && Contains("below the minimum 0.5"));
  CHECK_FALSE(rows[0].at("hedge_ratio").empty());  // every field still there
  CHECK(rows[1].at("status") == "ok");
  // An error outranks an alarm.
  CHECK(run_hedgecalc("batch --min-correlation 0.5 " + std::string("tests/data/batch/pairs.csv"))
            .exit_code == 1);
}

TEST_CASE("3: a PAIRS file without rows prints the header", "[cli][silent]") {
  const ProcessResult csv = run_hedgecalc("batch --format csv tests/data/batch/empty.csv");
  CHECK(csv.exit_code == 0);
  CHECK_THAT(csv.out, StartsWith("id,target,proxy,status,error,returns,n,"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 1);
  CHECK_THAT(run_hedgecalc("batch --format tsv tests/data/batch/empty.csv").out,
             StartsWith("id\ttarget\tproxy\tstatus"));
  CHECK(run_hedgecalc("batch --format json tests/data/batch/empty.csv").out == "[]\n");
}

TEST_CASE("4: --series with a basket is a usage error", "[cli][silent]") {
  const ProcessResult r = run_hedgecalc("--series data/acme.csv data/index.csv data/btc.csv");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("--series") && Contains("basket"));
}

TEST_CASE("5: a return that is not finite is an error naming the line", "[cli][silent]") {
  const ProcessResult under =
      run_hedgecalc("tests/data/errors/underflow.csv tests/data/five_rows.csv");
  CHECK(under.exit_code == 1);
  CHECK(under.out.empty());
  CHECK_THAT(under.err,
             Contains("underflow.csv:4: column \"Close\"") && Contains("not a finite number"));
  const ProcessResult over =
      run_hedgecalc("tests/data/errors/overflow.csv tests/data/five_rows.csv");
  CHECK(over.exit_code == 1);
  CHECK(over.out.empty());
  CHECK_THAT(over.err, Contains("overflow.csv:3:") && Contains("too large"));
  // As the proxy too, and in log returns.
  CHECK(run_hedgecalc("--returns log tests/data/five_rows.csv tests/data/errors/underflow.csv")
            .exit_code == 1);
}

TEST_CASE("6: degenerate or non-finite option values are usage errors", "[cli][silent]") {
  for (const char* options :
       {"--ewma 0", "--ewma 1", "--ewma 1e-320", "--ewma nan", "--exposure nan", "--exposure inf",
        "--min-correlation nan", "--min-effectiveness nan", "--halflife 0", "--halflife -1",
        "--halflife 1e-300", "--confidence nan", "--exposure 1 --proxy-price -5",
        "--exposure 1 --contract-size -2", "--exposure 1 --contract-size 0",
        "--exposure 1 --position inf", "--exposure 1 --position -91 --band -0.1",
        "--window 1 --rebalance 0"}) {
    INFO(options);
    const ProcessResult r = run_hedgecalc(std::string(options) + " " + kPair);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.size() < 300);  // says what it wants, not a 300-digit range
  }
  CHECK_THAT(run_hedgecalc("--halflife 0 " + kPair).err,
             Contains("must be > 0") || Contains("a number > 0"));
}

TEST_CASE("7: returns are not resampled or carried forward like prices", "[cli][silent]") {
  for (const char* options : {"--frequency weekly", "--align asof"}) {
    INFO(options);
    const ProcessResult r =
        run_hedgecalc("--returns none " + std::string(options) +
                      " tests/data/returns.csv:fund tests/data/returns.csv:benchmark");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("needs prices"));
  }
}

TEST_CASE("8: standard input can name its column as -:COLUMN", "[cli][silent]") {
  const ProcessResult piped =
      run_hedgecalc("--format csv -:price data/btc.csv", source_dir() + "/data/token.csv");
  CHECK(piped.exit_code == 0);
  const auto from_file = parse_csv_row(run_hedgecalc("--format csv " + kPair).out);
  const auto from_stdin = parse_csv_row(piped.out);
  CHECK(from_stdin.at("target") == "-:price");
  CHECK(from_stdin.at("hedge_ratio") == from_file.at("hedge_ratio"));
}

TEST_CASE("9: a failed write of the results is an error", "[cli][silent]") {
  const std::string bin = "'" HEDGECALC_BINARY "'";
  for (const std::string& args : {kPair, "--series " + kPair, "--format json " + kPair,
                                  std::string("batch --quiet tests/data/batch/pairs_from_root.csv"),
                                  std::string("matrix tests/data/shapes/wide.csv")}) {
    INFO(args);
    const std::string err = temp_path("full.err");
    CHECK(shell(bin + " " + args + " >/dev/full 2>" + err) == 1);
    CHECK_THAT(file_text(err), Contains("cannot write the results: No space left on device"));
    std::remove(err.c_str());
  }
  // A closed pipe stays quiet.
  const std::string err = temp_path("pipe.err");
  shell(bin + " --series " + kPair + " 2>" + err + " | head -1 >/dev/null");
  CHECK(file_text(err).empty());
  std::remove(err.c_str());
}

TEST_CASE("10: messages cut long names and escape control bytes", "[cli][silent]") {
  const std::string path = temp_path("long_header.csv");
  {
    std::ofstream out(path);
    out << "Date," << std::string(3 << 20, 'A') << ",B\n2024-01-01,1,2\n2024-01-02,2,3\n";
  }
  const ProcessResult r = run_hedgecalc("'" + path + "' data/btc.csv");
  CHECK(r.exit_code == 1);
  CHECK(r.err.size() < 1200);
  CHECK_THAT(r.err, Contains("cannot tell which column"));
  std::remove(path.c_str());
  // A file name with a newline and an invalid byte is escaped on one line.
  const ProcessResult named = run_hedgecalc("\"$(printf 'no\\nsuch\\377.csv')\" data/btc.csv");
  CHECK(named.exit_code == 1);
  CHECK_THAT(named.err, Contains("no\\x0Asuch\\xFF.csv"));
  CHECK(std::count(named.err.begin(), named.err.end(), '\n') == 1);
}

TEST_CASE("11: a basket with too few returns says so", "[cli][silent]") {
  const ProcessResult r = run_hedgecalc(
      "--to 2023-01-06 tests/data/basket.csv:target tests/data/basket.csv:p1 "
      "tests/data/basket.csv:p2 tests/data/basket.csv:p3 tests/data/basket.csv:p4");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("more returns than coefficients"));
  CHECK_THAT(r.err, !Contains("singular"));
}

TEST_CASE("12: too many Newey-West lags, or very few returns, warn", "[cli][silent]") {
  const ProcessResult lags = run_hedgecalc("--se hac --hac-lags 800 " + kPair);
  CHECK(lags.exit_code == 0);
  CHECK_THAT(lags.err, Contains("warning: --hac-lags 800 is not below the 727 returns"));
  const ProcessResult few =
      run_hedgecalc("tests/data/five_rows.csv tests/data/five_rows.csv:Close");
  CHECK_THAT(few.err, Contains("warning: only 4 returns"));
  CHECK(run_hedgecalc(kPair).err.empty());
}

TEST_CASE("13: table labels never run into values; settings print as given", "[cli][silent]") {
  const ProcessResult r = run_hedgecalc("--precision 17 --ewma 0.94 " + kPair);
  CHECK_THAT(r.out, Contains("EWMA 0.94       ratio "));
  CHECK_THAT(r.out, !Contains("0.93999"));
  CHECK_THAT(r.out, !Contains("5ratio"));
  CHECK_THAT(run_hedgecalc("--confidence 0.99995 " + kPair).out, Contains("99.995% interval"));
  CHECK_THAT(run_hedgecalc("--confidence 0.95 " + kPair).out, Contains(" 95% interval"));
}

TEST_CASE("14: help lists only usable options; --field; repeated header names", "[cli][silent]") {
  const std::string matrix_help = run_hedgecalc("matrix --help").out;
  CHECK_THAT(matrix_help, Contains("--field") && Contains("--returns") && Contains("--delimiter"));
  for (const char* refused : {"--window", "--ewma", "--exposure", "--series", "--se ", "--plot"}) {
    INFO(refused);
    CHECK_THAT(matrix_help, !Contains(refused));
  }
  CHECK(run_hedgecalc("matrix --window 5 tests/data/shapes/wide.csv").exit_code == 2);
  CHECK_THAT(run_hedgecalc("batch --help").out, Contains("--jobs") && Contains("Worker threads"));
  const ProcessResult field = run_hedgecalc("matrix --field n tests/data/shapes/wide.csv");
  CHECK(field.exit_code == 2);
  CHECK_THAT(field.err, Contains("--layout wide"));
  const ProcessResult twice =
      run_hedgecalc("tests/data/errors/duplicate_header.csv tests/data/five_rows.csv");
  CHECK(twice.exit_code == 1);
  CHECK_THAT(twice.err, Contains("\"Close\" more than once (columns 2 and 3)"));
  CHECK(run_hedgecalc("tests/data/errors/duplicate_header.csv:3 tests/data/five_rows.csv")
            .exit_code == 0);
}

TEST_CASE("15: the alignment counts say what the join dropped", "[cli][silent]") {
  // Independent count: the dates of each file, and those they share.
  const ProcessResult csv = run_hedgecalc("--format csv data/acme.csv data/btc.csv");
  const auto row = parse_csv_row(csv.out);
  CHECK(row.at("alignment_target_rows") == "501");
  CHECK(row.at("alignment_target_missing") == "0");
  CHECK(row.at("alignment_target_unmatched") == "0");
  CHECK(row.at("alignment_proxy_rows") == "731");
  CHECK(row.at("alignment_proxy_unmatched") == "230");
  CHECK(std::stoi(row.at("n")) == 501 - 0 - 1);
  const ProcessResult table = run_hedgecalc(kPair);
  CHECK_THAT(table.out, Contains("target: 728 rows (+3 missing), 0 without a proxy price; "
                                 "proxy: 731 rows, 3 unmatched"));
  const ProcessResult json =
      run_hedgecalc("--format json data/acme.csv data/index.csv data/btc.csv");
  CHECK_THAT(json.out, Contains("\"proxy_rows\": [") || Contains("\"proxy_rows\":["));
  const auto basket =
      parse_csv_table(run_hedgecalc("--format csv data/acme.csv data/index.csv data/btc.csv").out);
  REQUIRE(basket.size() == 2);
  CHECK(basket[1].at("alignment_proxy_rows") == "731");
  // As-of: a proxy row can fill several target times; it counts once.
  const auto asof =
      parse_csv_row(run_hedgecalc("--format csv --align asof data/token.csv data/acme.csv").out);
  // acme's 2023-07-20 fills no token time: token has no price that day, and its next
  // price (07-21) takes acme's 07-21 (a plain as-of loop in Python gives the same).
  CHECK(asof.at("alignment_proxy_unmatched") == "1");
  CHECK(asof.at("alignment_target_unmatched") == "1");  // 2023-01-01, before acme's first
}

TEST_CASE("16: a file truncated while it is read is an error, not SIGBUS", "[cli][silent]") {
  const std::string big = temp_path("big.csv");
  {
    std::ofstream out(big);
    out << "Date,Close\n";
    char line[64];
    for (long i = 0; i < 1500000; ++i) {
      // A price between 50 and 150 that moves every minute.
      std::snprintf(line, sizeof line, "%ld,%.4f\n", 1600000000 + 60 * i,
                    100 + 50 * std::sin(static_cast<double>(i) * 1e-3) + (i * 7919 % 200) * 1e-4);
      out << line;
    }
  }
  const std::string bin = "'" HEDGECALC_BINARY "'";
  // Truncate a few times at different moments: the run either finished before (exit
  // 0), says the file changed, or found it empty (exit 1); it is never killed.
  for (const char* delay : {"0.02", "0.05", "0.1"}) {
    const std::string copy = big + ".copy", err = big + ".err";
    shell("cp '" + big + "' '" + copy + "'");
    const int status = shell("( " + bin + " '" + copy + "' '" + big + "' >/dev/null 2>'" + err +
                             "' & sleep " + delay + "; truncate -s 0 '" + copy + "'; wait $! )");
    INFO(delay << ": " << file_text(err));
    CHECK((status == 0 || status == 1));
    // (Under the sanitizers the truncation can come before the file is even opened.)
    if (status == 1) {
      CHECK_THAT(file_text(err), Contains("changed while it was being read") ||
                                 Contains("the file is empty"));
    }
    std::remove(copy.c_str());
    std::remove(err.c_str());
  }
  std::remove(big.c_str());
}

TEST_CASE("17: an interrupted batch ends on whole rows, and --resume does the rest",
          "[cli][silent]") {
  const std::string bin = "'" HEDGECALC_BINARY "'";
  const std::string pairs = temp_path("pairs.csv"), out = temp_path("out.csv");
  {
    std::ofstream file(pairs);
    file << "id,target,proxy\n";
    for (int i = 0; i < 20000; ++i) {
      file << 'p' << i << ',' << source_dir() << "/data/token.csv," << source_dir()
           << "/data/btc.csv\n";
    }
  }
  const int status =
      shell("( " + bin + " batch --quiet --jobs 1 --format csv --window 30 '" + pairs + "' >'" +
            out + "' 2>'" + out + ".err' & sleep 0.6; kill -TERM $!; wait $! )");
  const std::string partial = file_text(out);
  INFO(file_text(out + ".err"));
  if (status ==
      143) {  // stopped before the end (or before any row): whole rows only, and a word why
    CHECK_THAT(file_text(out + ".err"), Contains("interrupted by SIGTERM after") ||
                                            Contains("interrupted by SIGTERM before any output"));
    CHECK((partial.empty() || partial.back() == '\n'));
  } else {
    CHECK(status == 0);
  }
  const int resumed = shell(bin + " batch --quiet --format csv --window 30 --resume '" + out +
                            "' '" + pairs + "' >>'" + out + "'");
  CHECK(resumed == 0);
  const std::string whole = file_text(out);
  CHECK(std::count(whole.begin(), whole.end(), '\n') == 20001);
  const auto rows = parse_csv_table(whole);
  REQUIRE(rows.size() == 20000);
  for (size_t i = 0; i < rows.size(); i += 997) CHECK(rows[i].at("id") == "p" + std::to_string(i));
  // Nothing left: the header is not printed again.
  CHECK(run_hedgecalc("batch --format csv --window 30 --resume '" + out + "' '" + pairs + "'")
            .out.empty());
  // The output of another batch is refused.
  const ProcessResult other_columns =
      run_hedgecalc("batch --format csv --resume '" + out + "' tests/data/batch/pairs.csv");
  CHECK(other_columns.exit_code == 1);
  CHECK_THAT(other_columns.err, Contains("is it the output of this batch"));
  const ProcessResult other_pairs = run_hedgecalc("batch --format csv --window 30 --resume '" +
                                                  out + "' tests/data/batch/pairs.csv");
  CHECK(other_pairs.exit_code == 2);
  CHECK_THAT(other_pairs.err, Contains("--resume"));
  for (const std::string& f : {pairs, out, out + ".err"}) std::remove(f.c_str());
}

TEST_CASE("18: matrix is bit-identical for any thread count", "[cli][silent]") {
  // Wide enough that Eigen would split its products across threads.
  const std::string wide = temp_path("wide.csv");
  {
    std::ofstream out(wide);
    out << "Date";
    for (int k = 0; k < 160; ++k) out << ",c" << k;
    out << '\n';
    std::vector<double> price(160, 100.0);
    unsigned state = 12345;
    auto next = [&] { return (state = state * 1103515245u + 12345u) >> 8; };
    for (int t = 0; t < 2500; ++t) {
      out << 1600000000 + 86400 * t;
      for (double& p : price) {
        p *= 1 + (static_cast<double>(next() % 2001) - 1000) * 1e-5;
        out << ',';
        if (next() % 20 != 0) out << p;
      }
      out << '\n';
    }
  }
  const std::string bin = "'" HEDGECALC_BINARY "'";
  const std::string one = wide + ".1", two = wide + ".2";
  CHECK(shell(bin + " matrix --jobs 1 --format csv '" + wide + "' >'" + one + "'") == 0);
  CHECK(shell(bin + " matrix --jobs 2 --format csv '" + wide + "' >'" + two + "'") == 0);
  CHECK(shell(bin + " matrix --jobs 3 --format csv '" + wide + "' | cmp -s - '" + one + "'") == 0);
  const std::string a = file_text(one), b = file_text(two);
  CHECK(a.size() > 1000000);
  CHECK(a == b);
  for (const std::string& f : {wide, one, two}) std::remove(f.c_str());
}
