#pragma once
// The table format of flat records (--series: one per date): aligned columns under a
// header. One analysis' summary is rendered from the typed analysis (analysis_table.hpp).

#include <ostream>

#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// Writes flat records as aligned columns.
class TableReporter : public Reporter {
 public:
  TableReporter(std::ostream& out, int precision) : out_(out), precision_(precision) {}
  /// One record as a table of one row.
  void write(const Value& record) override;
  /// --series: aligned columns under a header.
  void write_rows(const std::vector<Value>& rows) override;

 private:
  std::ostream& out_;
  int precision_;
};

}  // namespace hedgecalc
