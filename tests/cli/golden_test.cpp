// The single analysis, through the library, against pandas/statsmodels golden values.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "golden.hpp"
#include "hedgecalc/file_system.hpp"
#include "cli/single_command.hpp"
#include "process.hpp"
#include "source_tree.hpp"

using namespace hedgecalc;

namespace {
// The golden script's options (words of a command line), parsed as the CLI parses them.
SingleOptions options_for(const std::vector<std::string>& series, const std::string& options) {
  std::vector<std::string> args = split_words(options);
  args.insert(args.end(), {"--format", "csv"});
  args.insert(args.end(), series.begin(), series.end());
  return parse_single_options(args);
}
}  // namespace

TEST_CASE("every field agrees with statsmodels to 1e-10 relative", "[golden]") {
  SourceTreeFileSystem files;
  for (const GoldenCase& c : read_golden_cases()) {
    const std::string output = run_single(options_for({c.target, c.proxy}, c.options), files).out;
    check_fields(c, parse_csv_row(output), 1e-10);
  }
}

TEST_CASE("baskets of 2 and 5 proxies agree with statsmodels", "[golden]") {
  std::ifstream in(source_dir() + "/tests/golden/basket.csv");
  std::stringstream text;
  text << in.rdbuf();
  const auto golden = parse_csv_table(text.str());
  REQUIRE(golden.size() == 12);
  SourceTreeFileSystem files;
  std::string last_case;
  std::vector<std::map<std::string, std::string>> actual;
  size_t row_in_case = 0;
  for (const auto& g : golden) {
    if (g.at("case") != last_case) {
      std::vector<std::string> series = split_words(g.at("proxies"));
      series.insert(series.begin(), g.at("target"));
      actual = parse_csv_table(run_single(options_for(series, g.at("options")), files).out);
      last_case = g.at("case");
      row_in_case = 0;
    }
    const auto& row = actual.at(row_in_case++);
    INFO("case " << g.at("case") << ", proxy " << g.at("proxy"));
    CHECK(row.at("proxy") == g.at("proxy"));
    CHECK(row.at("n") == g.at("n"));
    const bool hac = g.at("options").find("hac") != std::string::npos;
    for (const char* field : {"hedge_ratio", "std_error", "t_stat", "ci_low", "ci_high",
                              "intercept", "r_squared", "effectiveness", "vol_target",
                              "vol_hedged", "condition_number"}) {
      INFO(field << ": statsmodels " << g.at(field) << ", hedgecalc " << row.at(field));
      CHECK(close_enough(g.at(field), row.at(field), hac ? 1e-8 : 1e-10));
    }
  }
}

TEST_CASE("golden checks can fail", "[golden]") {
  // Guards the comparison itself: a perturbed ratio must not pass.
  GoldenCase c = read_golden_cases().front();
  SourceTreeFileSystem files;
  auto actual = parse_csv_row(run_single(options_for({c.target, c.proxy}, c.options), files).out);
  const double h = std::stod(actual["hedge_ratio"]);
  actual["hedge_ratio"] = std::to_string(h * (1 + 1e-8));
  GoldenCase only_ratio = c;
  only_ratio.fields = {{"hedge_ratio", c.fields["hedge_ratio"]}};
  const double golden = std::stod(only_ratio.fields["hedge_ratio"]);
  CHECK(std::fabs(std::stod(actual["hedge_ratio"]) - golden) > 1e-10 * std::fabs(golden));
}
