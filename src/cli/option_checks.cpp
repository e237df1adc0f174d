#include "hedgecalc/option_checks.hpp"

#include <cmath>
#include <functional>
#include <string>

namespace hedgecalc {
namespace {

// A validator that reads the text as a double and asks `accept` about it.
CLI::Validator number_check(const std::string& description, const std::string& wanted,
                            std::function<bool(double)> accept) {
  return CLI::Validator(
      [wanted, accept](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !std::isfinite(value) || !accept(value)) {
          return text + ": expected " + wanted;
        }
        return std::string();
      },
      description);
}

}  // namespace

CLI::Validator finite_number() {
  return number_check("NUMBER", "a finite number", [](double) { return true; });
}

CLI::Validator positive_number() {
  return number_check("> 0", "a number > 0", [](double v) { return v > 0; });
}

CLI::Validator open_unit_interval() {
  return number_check("in (0,1)", "a number between 0 and 1 (exclusive)",
                      [](double v) { return v > 0 && v < 1; });
}

}  // namespace hedgecalc
