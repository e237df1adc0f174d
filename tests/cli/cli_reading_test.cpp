// End to end: files from different sources in one command, each read with its own
// options (a US-dated file against an ISO one, a European export against a Yahoo one),
// on the command line, from standard input, in matrix and inside a PAIRS file.

#include <catch2/catch.hpp>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;

namespace {
const std::string kUs = "data/token_us.csv@date-format=%m/%d/%Y";
const std::string kEuOptions = "@delimiter=semicolon@decimal=comma@thousands=dot@date-format=%d.%m.%Y";

// The csv fields of a successful analysis, without the labels.
std::map<std::string, std::string> numbers(const std::string& args, const std::string& stdin_file = "") {
  const ProcessResult r = run_hedgecalc("--format csv " + args, stdin_file);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  auto row = parse_csv_row(r.out);
  row.erase("target");
  row.erase("proxy");
  return row;
}
}  // namespace

TEST_CASE("a US-dated file against an ISO one, each read its own way", "[reading_options][cli]") {
  // token_us.csv holds token.csv's prices with MM/DD/YYYY dates.
  const auto iso = numbers("data/token.csv data/btc.csv");
  CHECK(numbers("'" + kUs + "' data/btc.csv") == iso);
  // Unquoted in a shell: nothing in it is special to sh.
  CHECK(numbers(kUs + " data/btc.csv") == iso);
  const ProcessResult guessed = run_hedgecalc("data/token_us.csv data/btc.csv");
  CHECK(guessed.exit_code == 1);
  CHECK_THAT(guessed.err, Contains("token_us.csv:2"));
}

TEST_CASE("a European export against a Yahoo file", "[reading_options][cli]") {
  // index_eu.csv holds index.csv's closes as "3.851,20" on "02.01.2023", split by ';'.
  const auto yahoo = numbers("data/acme.csv data/index.csv");
  CHECK(numbers("data/acme.csv data/index_eu.csv" + kEuOptions) == yahoo);
  CHECK(numbers("data/acme.csv data/index_eu.csv:Schlusskurs" + kEuOptions) == yahoo);
  // The command line's options for the European file; the Yahoo file undoes them.
  CHECK(numbers("--delimiter ';' --decimal , --thousands . --date-format %d.%m.%Y "
                "data/acme.csv@delimiter=auto@decimal=dot@thousands=none@date-format=auto "
                "data/index_eu.csv") == yahoo);
  // From standard input: "-:COLUMN@..." is a series, not an option.
  CHECK(numbers("data/acme.csv -:Schlusskurs" + kEuOptions, "data/index_eu.csv") == yahoo);
  CHECK(numbers("data/acme.csv -" + kEuOptions, "data/index_eu.csv") == yahoo);
}

TEST_CASE("matrix takes a file's own reading options", "[reading_options][cli]") {
  const ProcessResult eu = run_hedgecalc("matrix --format csv data/index.csv data/index_eu.csv" + kEuOptions);
  INFO(eu.err);
  REQUIRE(eu.exit_code == 0);
  const auto rows = parse_csv_table(eu.out);
  REQUIRE(rows.size() == 2);
  // The same closes read two ways: a perfect hedge of ratio 1 (to the last digit or two:
  // the matrix adds its sums in another order than a single analysis does).
  CHECK(std::stod(rows[0].at("hedge_ratio")) == Approx(1.0).epsilon(1e-14));
  CHECK(std::stod(rows[0].at("correlation")) == Approx(1.0).epsilon(1e-14));
}

TEST_CASE("PAIRS rows carry reading options, a bad one failing only its pair",
          "[reading_options][cli]") {
  const ProcessResult r = run_hedgecalc("batch --quiet --format csv tests/data/batch/reading.csv");
  CHECK(r.exit_code == 1);
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 4);
  const auto iso = parse_csv_row(run_hedgecalc("--format csv data/token.csv data/btc.csv").out);
  const auto yahoo = parse_csv_row(run_hedgecalc("--format csv data/acme.csv data/index.csv").out);
  CHECK(rows[0].at("status") == "ok");
  CHECK(rows[0].at("hedge_ratio") == iso.at("hedge_ratio"));
  CHECK(rows[1].at("status") == "ok");
  CHECK(rows[1].at("hedge_ratio") == yahoo.at("hedge_ratio"));
  CHECK(rows[1].at("effectiveness") == yahoo.at("effectiveness"));
  // The same file without its options is another load, which cannot read "3.851,20".
  CHECK(rows[2].at("status") == "error");
  CHECK_THAT(rows[2].at("error"), Contains("\"3.851,20\" is not a number"));
  CHECK(rows[3].at("status") == "error");
  CHECK_THAT(rows[3].at("error"), Contains("unknown reading option \"decmal\""));
}

TEST_CASE("bad reading options are usage errors with nothing on stdout", "[reading_options][cli]") {
  for (const std::string args : {"data/acme.csv data/index_eu.csv@decmal=comma",
                                 "data/acme.csv data/index_eu.csv@decimal=semicolon",
                                 "data/acme.csv data/index_eu.csv@date-format=%Q",
                                 "data/acme.csv data/index_eu.csv@delimiter=",
                                 "data/acme.csv data/index_eu.csv@headerless=maybe",
                                 "--delimiter ab data/acme.csv data/index.csv"}) {
    const ProcessResult r = run_hedgecalc(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("hedgecalc: error: "));
  }
}
