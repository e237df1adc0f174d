#include "hedgecalc/number.hpp"

#include <charconv>
#include <cmath>

#include "hedgecalc/text.hpp"

namespace hedgecalc {

bool is_missing_marker(std::string_view text) {
  text = trim(text);
  return text.empty() || text == "." || text == "-" || iequals(text, "na") ||
         iequals(text, "n/a") || iequals(text, "nan") || iequals(text, "null");
}

Cell parse_cell(std::string_view text) {
  if (is_missing_marker(text)) return {CellKind::kMissing, 0.0};
  text = trim(text);
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  // from_chars accepts "inf" and "nan"; SPEC.md wants them rejected as non-finite,
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

}  // namespace hedgecalc
