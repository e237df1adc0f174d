#include "option_checks.hpp"

#include "hedgecalc/text.hpp"

#include <charconv>
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
  return number_check("", "a finite number", [](double) { return true; });
}

CLI::Validator positive_number() {
  return number_check("", "a number > 0", [](double v) { return v > 0; });
}

CLI::Validator non_negative_number() {
  return number_check("", "a number >= 0", [](double v) { return v >= 0; });
}

CLI::Validator open_unit_interval() {
  return number_check("", "a number between 0 and 1 (exclusive)",
                      [](double v) { return v > 0 && v < 1; });
}

CLI::Validator open_interval(double low, double high) {
  return number_check("",
                      "a number between " + shortest_decimal(low) + " and " +
                          shortest_decimal(high) + " (exclusive)",
                      [low, high](double v) { return v > low && v < high; });
}

CLI::Validator whole_number(unsigned long long low, unsigned long long high) {
  const std::string wanted = "a whole number from " + std::to_string(low) +
                             (high == kNoLimit ? std::string(" up") : " to " + std::to_string(high));
  return CLI::Validator(
      [low, high, wanted](std::string& text) -> std::string {
        unsigned long long value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || stop != end || error != std::errc() || value < low || value > high) {
          return text + ": expected " + wanted;
        }
        return std::string();
      },
      "");
}

std::vector<std::string> comma_items(const std::string& name, const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    items.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (items.back().empty()) {
      throw CLI::ValidationError(name, text + ": an empty item between commas (give K,K,...)");
    }
    if (comma == std::string::npos) return items;
    start = comma + 1;
  }
}

}  // namespace hedgecalc

