#include "hedgecalc/option_checks.hpp"

#include <catch2/catch.hpp>

using namespace hedgecalc;

namespace {
// The validator's verdict on text: "" when accepted.
std::string verdict(const CLI::Validator& check, std::string text) { return check(text); }
}  // namespace

TEST_CASE("numeric option checks refuse nan, inf, text and out-of-range values", "[options]") {
  for (const char* bad : {"nan", "inf", "-inf", "abc", "1e400", ""}) {
    INFO(bad);
    CHECK_FALSE(verdict(finite_number(), bad).empty());
    CHECK_FALSE(verdict(positive_number(), bad).empty());
    CHECK_FALSE(verdict(open_unit_interval(), bad).empty());
  }
  CHECK(verdict(finite_number(), "-3.5").empty());
  CHECK(verdict(positive_number(), "1e-300").empty());
  CHECK(verdict(positive_number(), "0") == "0: expected a number > 0");
  CHECK_FALSE(verdict(positive_number(), "-1").empty());
  CHECK(verdict(open_unit_interval(), "0.94").empty());
  for (const char* edge : {"0", "1", "-0.5", "1.5"}) {
    INFO(edge);
    CHECK_FALSE(verdict(open_unit_interval(), edge).empty());
  }
}
