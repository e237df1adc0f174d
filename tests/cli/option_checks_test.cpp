#include "cli/option_checks.hpp"

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

TEST_CASE("whole numbers, non-negative numbers and choices say what is wanted", "[options]") {
  CHECK(verdict(whole_number(1), "0") == "0: expected a whole number from 1 up");
  CHECK(verdict(whole_number(1, 17), "18") == "18: expected a whole number from 1 to 17");
  for (const char* bad : {"-1", "1.5", "abc", "", "1e3", "99999999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(verdict(whole_number(0), bad).empty());
  }
  CHECK(verdict(whole_number(0), "0").empty());
  CHECK(verdict(non_negative_number(), "0").empty());
  CHECK(verdict(non_negative_number(), "-0.1") == "-0.1: expected a number >= 0");
  enum class Pick { kA = 3, kB = 7 };
  std::string text = "b";
  CHECK(choice_of<Pick>({{"a", Pick::kA}, {"b", Pick::kB}})(text).empty());
  CHECK(text == "7");  // the value CLI11 then reads into the enum
  CHECK(verdict(choice_of<Pick>({{"a", Pick::kA}, {"b", Pick::kB}}), "7") ==
        "7: expected one of a, b");
}
