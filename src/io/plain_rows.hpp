#pragma once
// The rows nearly every price file is made of, "2024-01-31 10:00:00,100.25", read in one
// pass over their bytes: a fixed ISO date, plain decimals or empty cells, no quotes.
// Any other row is left, unread, to the loader's general path, which reads it and words
// any error; a row read here has the time and prices that path would give it.

#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// A price as the loader's general path reads it without a word: a number that starts
/// with a digit, fills the cell and is finite; false (value meaningless) for anything else.
bool read_plain_price(std::string_view cell, double& value);

class PlainRows {
 public:
  /// A row of `fields` fields split at `delimiter`: the date in field date_index, the
  /// prices wanted in price_indices (in that order), other fields skipped.
  PlainRows(char delimiter, size_t fields, size_t date_index, const std::vector<size_t>& price_indices);

  /// Reads the row at the start of text (the bytes to the buffer's end) into time and
  /// prices (one per price index; kMissing for an empty cell): the bytes it takes with
  /// its line end, or 0 for a row of another shape (then time and prices are
  /// meaningless).
  size_t read(std::string_view text, Timestamp& time, double* prices);

  /// The price of an empty cell (a price read is always finite).
  static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

 private:
  bool ends_cell(const char* p, const char* end) const;
  size_t date_length(const char* p, const char* end) const;

  static constexpr int kSkip = -1, kDate = -2;
  char delimiter_;
  bool usable_ = true;
  std::vector<int> roles_;  // per field: kDate, kSkip or the price's slot
  FixedIsoReader dates_;
};

}  // namespace hedgecalc
