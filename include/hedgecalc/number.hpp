#pragma once
// Price cells: the contract's missing markers, and decimals parsed correctly rounded
// with std::from_chars (fast-cpp-csv-parser's own float parsing accumulates digits
// and is not correctly rounded).

#include <string_view>

namespace hedgecalc {

/// What a price cell holds.
enum class CellKind { kNumber, kMissing, kNotANumber, kNonFinite };

/// A parsed cell; value is meaningful only for kNumber.
struct Cell {
  CellKind kind;
  double value;
};

/// True for the missing markers: empty, NA, N/A, NaN, null, ".", "-" (any case).
bool is_missing_marker(std::string_view text);

/// Parses a decimal number with optional sign and exponent; spaces around it are
/// ignored. inf, nan spelled out and values beyond the double range are kNonFinite.
Cell parse_cell(std::string_view text);

/// A locale's number spelling: --thousands and --decimal.
struct NumberStyle {
  char thousands = '\0';  ///< '\0': no grouping separator
  char decimal = '.';
};

/// parse_cell for "42,261.60" (thousands ',') or "42.261,60" (thousands '.', decimal
/// ','): separators are accepted only between digits, in groups of three.
Cell parse_cell(std::string_view text, const NumberStyle& style);

}  // namespace hedgecalc
