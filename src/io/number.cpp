#include "hedgecalc/number.hpp"

#include <charconv>
#include <cmath>

#include "hedgecalc/text.hpp"

namespace hedgecalc {

bool is_missing_marker(std::string_view text) {
  text = trim(text);
  return text.empty() || text == "." || text == "-" || iequals(text, "na") ||
         iequals(text, "n/a") || iequals(text, "#n/a") || iequals(text, "nan") ||
         iequals(text, "null");
}

Cell parse_cell(std::string_view text) {
  if (is_missing_marker(text)) return {CellKind::kMissing, 0.0};
  text = trim(text);
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  // from_chars accepts "inf" and "nan"; docs/hedgecalc.md wants them rejected as non-finite,
  // and a second sign ("+-1") rejected as not a number.
  if (text.empty() || !((text[0] >= '0' && text[0] <= '9') || text[0] == '.')) {
    const bool spelled_non_finite = iequals(text, "inf") || iequals(text, "infinity");
    return {spelled_non_finite ? CellKind::kNonFinite : CellKind::kNotANumber, 0.0};
  }
  double value = 0.0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (end != text.data() + text.size()) return {CellKind::kNotANumber, 0.0};
  if (error == std::errc::result_out_of_range) {
    // Underflow (1e-400) also lands here; only overflow is non-finite.
    const auto exponent_at = text.find_first_of("eE");
    const bool underflow = exponent_at != std::string_view::npos &&
                           exponent_at + 1 < text.size() && text[exponent_at + 1] == '-';
    if (!underflow) return {CellKind::kNonFinite, 0.0};
    return {CellKind::kNumber, negative ? -0.0 : 0.0};
  }
  if (error != std::errc()) return {CellKind::kNotANumber, 0.0};
  if (!std::isfinite(value)) return {CellKind::kNonFinite, 0.0};
  return {CellKind::kNumber, negative ? -value : value};
}

Cell parse_cell(std::string_view text, const NumberStyle& style) {
  if (style.thousands == '\0' && style.decimal == '.') return parse_cell(text);
  if (is_missing_marker(text)) return {CellKind::kMissing, 0.0};
  text = trim(text);
  // Rewrite to the plain spelling; a price has few digits, so a small buffer does.
  char buffer[128];
  if (text.size() >= sizeof buffer) return {CellKind::kNotANumber, 0.0};
  size_t length = 0;
  size_t digits_since_separator = 0;
  bool seen_separator = false, seen_decimal = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == style.thousands && !seen_decimal) {
      const bool between_digits = i > 0 && i + 1 < text.size() && text[i - 1] >= '0' &&
                                  text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9';
      if (!between_digits || (seen_separator && digits_since_separator != 3)) {
        return {CellKind::kNotANumber, 0.0};
      }
      seen_separator = true;
      digits_since_separator = 0;
      continue;
    }
    if (c == style.decimal) {
      if (seen_separator && digits_since_separator != 3) return {CellKind::kNotANumber, 0.0};
      seen_decimal = true;
      buffer[length++] = '.';
      continue;
    }
    if (c == '.' && style.decimal != '.') return {CellKind::kNotANumber, 0.0};
    if (c >= '0' && c <= '9') ++digits_since_separator;
    buffer[length++] = c;
  }
  if (seen_separator && !seen_decimal && digits_since_separator != 3) {
    return {CellKind::kNotANumber, 0.0};
  }
  return parse_cell(std::string_view(buffer, length));
}

}  // namespace hedgecalc
