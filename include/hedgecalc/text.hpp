#pragma once
// Small string helpers shared by the loader and the reporters.

#include <string>
#include <string_view>

namespace hedgecalc {

/// A number in a message or a label: the shortest decimal that reads back to the same
/// double ("0.1", "1e-300"; "nan", "inf"). The output formats' own rules are in
/// report/number_format.
std::string shortest_decimal(double value);

/// A number in a message with `digits` significant digits ("0.8312").
std::string significant_decimal(double value, int digits);

/// The text without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// True when both are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

/// The text in double quotes, safe to print: control bytes and invalid UTF-8 are
/// escaped as \xNN, and anything past max_chars bytes is cut and marked with "...".
std::string quoted_excerpt(std::string_view text, size_t max_chars = 60);

/// A message safe to print on one terminal line: control bytes and invalid UTF-8
/// escaped as \xNN (valid text, backslashes included, is kept as it is), and a text
/// longer than max_bytes cut in the middle, keeping its start and its end.
std::string printable_message(std::string_view text, size_t max_bytes = 1000);

/// Length of the valid UTF-8 sequence starting at text[0], or 0 if it is invalid.
size_t utf8_sequence_length(std::string_view text);

}  // namespace hedgecalc
