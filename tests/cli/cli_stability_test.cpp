// --stability end to end against R's strucchange (tests/golden/stability.csv, made by
// tests/golden/make_stability_golden.R from the price files themselves).

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "golden.hpp"
#include "process.hpp"

using Catch::Matchers::Contains;

namespace {

// The command line of each golden case (the same files, design, trim and date).
const std::map<std::string, std::string> kArguments = {
    {"sample", "--trim 0.15 --break-at 2024-01-01 data/token.csv data/btc.csv"},
    {"sample_no_intercept", "--no-intercept --break-at 2023-06-15 data/token.csv data/btc.csv"},
    {"basket", "--break-at 2024-01-01 data/acme.csv data/index.csv data/btc.csv"},
    {"planted",
     "--trim 0.25 --break-at 2024-12-27 tests/data/stability/planted_target.csv "
     "tests/data/stability/planted_proxy.csv"},
    {"steady",
     "--trim 0.1 --break-at 2024-06-01 tests/data/stability/steady_target.csv "
     "tests/data/stability/steady_proxy.csv"},
};

// R prints 0 for a p-value below about 1e-16 (1 - pchisq underflows); ours is exact.
void check_p(const std::string& golden, const std::string& actual) {
  if (std::stod(golden) == 0) {
    CHECK(std::stod(actual) < 1e-15);
  } else {
    CHECK(close_enough(golden, actual, 1e-6));
  }
}

}  // namespace

TEST_CASE("stability statistics and p-values equal strucchange's", "[cli][stability]") {
  const auto cases = parse_csv_table(source_file_text("tests/golden/stability.csv"));
  REQUIRE(cases.size() == kArguments.size());
  for (const auto& expected : cases) {
    const std::string& name = expected.at("case");
    INFO(name);
    const ProcessResult r = run_hedgecalc("--stability --format csv " + kArguments.at(name));
    REQUIRE(r.exit_code == 0);
    const auto rows = parse_csv_table(r.out);
    REQUIRE_FALSE(rows.empty());
    const auto& row = rows.front();
    CHECK(row.at("n") == expected.at("n"));
    CHECK(close_enough(expected.at("supf"), row.at("stability_supf"), 1e-9));
    check_p(expected.at("supf_p"), row.at("stability_supf_p"));
    CHECK(row.at("stability_n_before") == expected.at("breakpoint"));
    CHECK(close_enough(expected.at("cusum"), row.at("stability_cusum"), 1e-9));
    check_p(expected.at("cusum_p"), row.at("stability_cusum_p"));
    CHECK(close_enough(expected.at("chow_f"), row.at("stability_chow_f"), 1e-9));
    check_p(expected.at("chow_p"), row.at("stability_chow_p"));
  }
}

TEST_CASE("a planted break is found, dated and described in one sentence", "[cli][stability]") {
  const ProcessResult r = run_hedgecalc(
      "--stability tests/data/stability/planted_target.csv tests/data/stability/planted_proxy.csv");
  REQUIRE(r.exit_code == 0);
  // Planted after the 360th return (tests/golden/make_break_data.py): 2024-12-27.
  CHECK_THAT(r.out, Contains("the relationship changed on 2024-12-29 (p = 1.3e-80): ratio 1.163 "
                             "before, 0.3908 after"));
  const auto row = parse_csv_row(
      run_hedgecalc("--stability --format csv tests/data/stability/planted_target.csv "
                    "tests/data/stability/planted_proxy.csv")
          .out);
  CHECK(std::abs(std::stoi(row.at("stability_n_before")) - 360) <= 3);
  CHECK(std::stod(row.at("stability_supf_p")) < 1e-6);
  CHECK(std::abs(std::stod(row.at("stability_hedge_ratio_before")) - 1.2) < 0.1);
  CHECK(std::abs(std::stod(row.at("stability_hedge_ratio_after")) - 0.4) < 0.1);
  const ProcessResult steady = run_hedgecalc(
      "--stability tests/data/stability/steady_target.csv tests/data/stability/steady_proxy.csv");
  CHECK_THAT(steady.out, Contains("no significant break (p = 0.43)"));
}

TEST_CASE("the break alarm (--max-break-p), and stability options that are refused",
          "[cli][stability]") {
  const std::string planted =
      " tests/data/stability/planted_target.csv tests/data/stability/planted_proxy.csv";
  const ProcessResult alarm = run_hedgecalc("--stability --max-break-p 0.01" + planted);
  CHECK(alarm.exit_code == 3);
  CHECK_THAT(alarm.err, Contains("below --max-break-p 0.01"));
  CHECK_FALSE(alarm.out.empty());
  CHECK(run_hedgecalc("--stability --max-break-p 0.01 data/token.csv data/btc.csv").exit_code == 0);
  for (const char* usage :
       {"--trim 0.2", "--stability --trim 0.5", "--stability --trim 0", "--stability --trim nan",
        "--stability --break-at someday", "--break-at 2024-01-01", "--stability --max-break-p 2"}) {
    INFO(usage);
    const ProcessResult r = run_hedgecalc(std::string(usage) + planted);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  const ProcessResult outside = run_hedgecalc("--stability --break-at 2030-01-01" + planted);
  CHECK(outside.exit_code == 1);
  CHECK(outside.out.empty());
  CHECK_THAT(outside.err, Contains("--break-at 2030-01-01") && Contains("on each side"));
  const ProcessResult few =
      run_hedgecalc("--stability tests/data/five_rows.csv tests/data/five_rows.csv");
  CHECK(few.exit_code == 1);
  CHECK_THAT(few.err, Contains("lower --trim"));
}

TEST_CASE("batch flattens the stability fields", "[cli][stability]") {
  const ProcessResult r = run_hedgecalc(
      "batch --stability --break-at 2024-01-01 --format csv tests/data/batch/pairs.csv");
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 10);
  CHECK(rows[0].count("stability_supf_p") == 1);
  CHECK(rows[0].count("stability_chow_p") == 1);
  const auto single = parse_csv_row(
      run_hedgecalc("--stability --break-at 2024-01-01 --format csv data/token.csv data/btc.csv")
          .out);
  CHECK(rows[0].at("stability_supf") == single.at("stability_supf"));
  CHECK(rows[0].at("stability_break_date") == single.at("stability_break_date"));
}

TEST_CASE("the plot marks the estimated break", "[cli][stability]") {
  const std::string svg = "/tmp/hedgecalc_break_" + std::to_string(::getpid()) + ".svg";
  REQUIRE(run_hedgecalc("--stability --window 60 --plot " + svg +
                        " tests/data/stability/planted_target.csv "
                        "tests/data/stability/planted_proxy.csv")
              .exit_code == 0);
  CHECK(file_text(svg).find("break 2024-12-29 (p = 1.3e-80)") != std::string::npos);
  std::remove(svg.c_str());
}
