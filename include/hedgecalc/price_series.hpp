#pragma once
// One price (or return) column read from a file, in time order.

#include <cstdint>
#include <string>
#include <vector>

#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// Rows of one series; the three vectors have equal length.
struct PriceSeries {
  std::string file;    ///< the path as the user gave it
  std::string column;  ///< the chosen price column's header (or number, headerless)
  std::vector<Timestamp> time;
  std::vector<double> price;
  std::vector<std::uint32_t> line;  ///< source line of each row, for error messages
  size_t missing = 0;               ///< rows skipped because the price was missing
  bool first_row_is_data = false;   ///< no header was given and the first row read as data

  /// "file:column", as docs/hedgecalc.md prints target and proxy.
  std::string label() const { return file + ":" + column; }
  /// Number of rows.
  size_t size() const { return time.size(); }
};

}  // namespace hedgecalc
