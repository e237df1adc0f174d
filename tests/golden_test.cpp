// The single analysis, through the library, against pandas/statsmodels golden values.

#include <catch2/catch.hpp>
#include <sstream>

#include "golden.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/single_command.hpp"
#include "process.hpp"
#include "source_tree.hpp"

using namespace hedgecalc;

namespace {
SingleOptions options_for(const GoldenCase& c) {
  SingleOptions options;
  options.series = {c.target, c.proxy};
  options.format = "csv";
  std::istringstream words(c.options);
  std::string word;
  while (words >> word) {
    std::string value;
    words >> value;
    if (word == "--returns") options.returns = value;
    if (word == "--from") options.from = value;
    if (word == "--to") options.to = value;
  }
  return options;
}
}  // namespace

TEST_CASE("every field agrees with statsmodels to 1e-10 relative", "[golden]") {
  SourceTreeFileSystem files;
  for (const GoldenCase& c : read_golden_cases()) {
    const std::string output = run_single(options_for(c), files).out;
    check_fields(c, parse_csv_row(output), 1e-10);
  }
}

TEST_CASE("golden checks can fail", "[golden]") {
  // Guards the comparison itself: a perturbed ratio must not pass.
  GoldenCase c = read_golden_cases().front();
  SourceTreeFileSystem files;
  auto actual = parse_csv_row(run_single(options_for(c), files).out);
  const double h = std::stod(actual["hedge_ratio"]);
  actual["hedge_ratio"] = std::to_string(h * (1 + 1e-8));
  GoldenCase only_ratio = c;
  only_ratio.fields = {{"hedge_ratio", c.fields["hedge_ratio"]}};
  const double golden = std::stod(only_ratio.fields["hedge_ratio"]);
  CHECK(std::fabs(std::stod(actual["hedge_ratio"]) - golden) > 1e-10 * std::fabs(golden));
}
