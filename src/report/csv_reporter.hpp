#pragma once
// csv and tsv: a header, then one row per analysis (a basket: one row per proxy).
// Nested objects are flattened with '_' (rolling_hedge_ratio_last).

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// Writes records as delimited rows.
class CsvReporter : public Reporter {
 public:
  CsvReporter(std::ostream& out, char delimiter, bool header)
      : out_(out), delimiter_(delimiter), header_(header), quoted_{'"', '\r', '\n', delimiter, '\0'} {}
  void write(const Value& record) override;

 private:
  void write_row(const std::vector<std::pair<std::string, std::string>>& cells);
  std::string quote(const std::string& cell) const;
  void append_cell(const Value& value);
  std::ostream& out_;
  char delimiter_;
  bool header_;
  bool header_written_ = false;
  const char quoted_[5];  // what makes a cell need quotes
  std::string line_;      // the flat row being built
};

/// cell quoted as RFC 4180 wants when it holds the delimiter, a quote or a line end.
std::string csv_quote(const std::string& cell, char delimiter);

/// The record as rows of (flattened key, cell text): one row, or one per item of an
/// array of objects (whose fields replace the array in each row).
std::vector<std::vector<std::pair<std::string, std::string>>> flatten_rows(const Value& record);

}  // namespace hedgecalc
