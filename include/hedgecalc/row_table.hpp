#pragma once
// Flat rows as an aligned table (--series, matrix): text left, numbers right, each
// column as wide as its widest cell. The widths come from a first pass over the rows, so
// a caller that can make its rows twice prints a table of any length without holding it.

#include <ostream>
#include <string>
#include <vector>

#include "hedgecalc/record.hpp"

namespace hedgecalc {

/// An aligned table of flat rows, measured first and printed after.
class RowTable {
 public:
  RowTable(std::ostream& out, int precision) : out_(out), precision_(precision) {}
  /// Widens the columns to fit row; the first row measured names the columns.
  void measure(const Value& row);
  /// Prints row (after the header, before the first one); call once measure has seen
  /// every row.
  void print(const Value& row);

 private:
  std::vector<std::string> cells(const Value& row) const;
  void print_line(const std::vector<std::string>& line);

  std::ostream& out_;
  int precision_;
  std::vector<std::string> header_;
  std::vector<size_t> widths_;
  std::vector<bool> left_;
  bool header_printed_ = false;
};

}  // namespace hedgecalc
