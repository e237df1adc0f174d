// End to end: compressed and zipped inputs give the same analysis as the plain files,
// from a path, standard input or a PAIRS file, and their errors name file and line.

#include <catch2/catch.hpp>

#include <sstream>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;

namespace {
const std::string kPacked = "tests/data/packed/";

// The csv fields of an analysis, without the labels (which name the files).
std::map<std::string, std::string> numbers(const ProcessResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto row = parse_csv_row(r.out);
  row.erase("target");
  row.erase("proxy");
  return row;
}
}  // namespace

TEST_CASE("packed pairs analyse exactly as the plain pair", "[packed_input][cli]") {
  const auto plain = numbers(run_hedgecalc("--format csv data/token.csv data/btc.csv"));
  REQUIRE(plain.at("n") == "727");
  for (const char* pair : {"token.csv.gz btc.csv.zst", "token.csv.xz btc.csv.bz2"}) {
    INFO(pair);
    std::string args = "--format csv";
    std::istringstream names(pair);
    for (std::string name; names >> name;) args += " " + kPacked + name;
    CHECK(numbers(run_hedgecalc(args)) == plain);
  }
  CHECK(numbers(run_hedgecalc("--format csv " + kPacked + "token.zip data/btc.csv")) == plain);
  // Standard input is recognised by its bytes too.
  const ProcessResult piped =
      run_hedgecalc("--format csv -:price data/btc.csv", kPacked + "token.csv.gz");
  CHECK(numbers(piped) == plain);
  const ProcessResult label = run_hedgecalc("--format csv " + kPacked + "token.csv.gz data/btc.csv");
  CHECK(parse_csv_row(label.out).at("target") == kPacked + "token.csv.gz:price");
}

TEST_CASE("packed inputs in batch, a broken one failing only its pair", "[packed_input][cli]") {
  const ProcessResult r = run_hedgecalc("batch --quiet --format csv " + kPacked + "pairs.csv");
  CHECK(r.exit_code == 1);
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 4);
  const auto plain = parse_csv_row(run_hedgecalc("--format csv data/token.csv data/btc.csv").out);
  for (size_t i = 0; i < 3; ++i) {
    INFO(rows[i].at("id"));
    CHECK(rows[i].at("status") == "ok");
    CHECK(rows[i].at("hedge_ratio") == plain.at("hedge_ratio"));
    CHECK(rows[i].at("effectiveness") == plain.at("effectiveness"));
  }
  CHECK(rows[3].at("status") == "error");
  CHECK_THAT(rows[3].at("error"), Contains("truncated.gz: cannot read this gzip file"));
}

TEST_CASE("errors inside a packed file name the file and the line", "[packed_input][cli]") {
  const ProcessResult bad = run_hedgecalc(kPacked + "bad_number.csv.gz data/btc.csv");
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK(bad.err == "hedgecalc: error: " + kPacked +
                       "bad_number.csv.gz:5: column \"price\": \"12.3.4\" is not a number\n");
  const ProcessResult two = run_hedgecalc(kPacked + "two.zip data/btc.csv");
  CHECK(two.exit_code == 1);
  CHECK(two.out.empty());
  CHECK_THAT(two.err, Contains("holds more than one file"));
  const ProcessResult empty = run_hedgecalc(kPacked + "empty.gz data/btc.csv");
  CHECK(empty.exit_code == 1);
  CHECK_THAT(empty.err, Contains("empty.gz: the file is empty"));
}

TEST_CASE("libarchive is opened only for a compressed input, and its absence is said", "[packed_input][cli]") {
  // A plain pair runs without it: the executable does not link it.
  const ProcessResult linked = run_shell("( ldd '" + hedgecalc_binary() + "' | grep -c libarchive )");
  CHECK(linked.out == "0\n");
  // Another library under libarchive's soname stands in for a broken installation.
  const std::string folder = fresh_folder("no_libarchive");
  const ProcessResult made = run_shell(
      "cp \"$(/sbin/ldconfig -p | awk '/libz\\.so\\.1 /{print $NF; exit}')\" " + folder +
      "/libarchive.so.13");
  REQUIRE(made.exit_code == 0);
  const std::string with_stand_in = "LD_LIBRARY_PATH=" + folder + " '" + hedgecalc_binary() + "' ";
  CHECK(run_shell(with_stand_in + "data/token.csv data/btc.csv").exit_code == 0);
  const ProcessResult packed = run_shell(with_stand_in + kPacked + "token.csv.gz data/btc.csv");
  CHECK(packed.exit_code == 1);
  CHECK(packed.out.empty());
  CHECK_THAT(packed.err, Contains("error: " + kPacked + "token.csv.gz: reading a compressed file "
                                  "needs libarchive (libarchive.so.13), which could not be loaded: "
                                  "no archive_read_new in it"));
}
