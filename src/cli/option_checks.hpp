#pragma once
// Validators for command-line options. CLI11's own range checks accept NaN and
// infinities and print their bounds with 300 digits; these say in words what is wanted.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace hedgecalc {

/// Accepts any finite number (rejects nan, inf and text).
CLI::Validator finite_number();

/// Accepts finite numbers > 0.
CLI::Validator positive_number();

/// Accepts finite numbers >= 0.
CLI::Validator non_negative_number();

/// Accepts numbers strictly between 0 and 1.
CLI::Validator open_unit_interval();

/// Accepts numbers strictly between low and high, and says so with both bounds.
CLI::Validator open_interval(double low, double high);

/// No upper bound for whole_number.
constexpr unsigned long long kNoLimit = ~0ULL;

/// Accepts whole numbers (digits only) from low to high.
CLI::Validator whole_number(unsigned long long low, unsigned long long high = kNoLimit);

/// The names of a choice, each with the value it stands for.
template <class T>
using Choices = std::vector<std::pair<std::string, T>>;

/// Reads one of the names as the value it stands for; anything else is refused with
/// the list of names. For enums and bools bound directly by CLI11.
template <class T>
CLI::Validator choice_of(const Choices<T>& choices) {
  std::vector<std::pair<std::string, long long>> numbers;
  for (const auto& [name, value] : choices) numbers.emplace_back(name, static_cast<long long>(value));
  return CLI::Validator(
      [numbers](std::string& text) -> std::string {
        std::string names;
        for (const auto& [name, value] : numbers) {
          if (text == name) {
            text = std::to_string(value);
            return std::string();
          }
          names += (names.empty() ? "" : ", ") + name;
        }
        return text + ": expected one of " + names;
      },
      "");
}

/// "{a,b,c}": the names of a choice, as --help and the completions show them.
template <class T>
std::string choice_names(const Choices<T>& choices) {
  std::string names;
  for (const auto& [text, choice] : choices) names += (names.empty() ? "{" : ",") + text;
  return names + "}";
}

/// Binds a choice option to value: `--NAME {a,b,c}=DEFAULT` in --help.
template <class T>
CLI::Option* add_choice(CLI::App& app, const std::string& name, T& value,
                        const Choices<T>& choices, const std::string& help) {
  CLI::Option* option =
      app.add_option(name, value, help)->transform(choice_of(choices))->type_name(choice_names(choices));
  for (const auto& [text, choice] : choices) {
    if (choice == value) option->default_str(text);
  }
  return option;
}

/// Binds a choice option that may be left out: `--NAME {a,b,c}` in --help.
template <class T>
CLI::Option* add_choice(CLI::App& app, const std::string& name, std::optional<T>& value,
                        const Choices<T>& choices, const std::string& help) {
  return app.add_option(name, value, help)->transform(choice_of(choices))->type_name(choice_names(choices));
}

/// The items of a comma-separated option value; an empty item ("1,,5", "1,5,") is an
/// error naming the option, where CLI11's delimiter would drop it without a word.
std::vector<std::string> comma_items(const std::string& name, const std::string& text);

/// Binds a comma-separated list (K,K,...) into values, each item checked by `item` as
/// CLI11 checks one value; empty items are refused (see comma_items).
template <class T>
CLI::Option* add_list_option(CLI::App& app, const std::string& name, std::vector<T>& values,
                             CLI::Validator item, const std::string& help) {
  const auto read = [&values, item, name](const std::string& text) mutable {
    values.clear();
    for (std::string piece : comma_items(name, text)) {
      const std::string problem = item(piece);
      if (!problem.empty()) throw CLI::ValidationError(name, problem);
      T value{};
      if (!CLI::detail::lexical_cast(piece, value)) {
        throw CLI::ValidationError(name, piece + ": not a value of this option");
      }
      values.push_back(value);
    }
  };
  return app.add_option_function<std::string>(name, read, help)->allow_extra_args(false);
}

}  // namespace hedgecalc
