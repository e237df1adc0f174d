#pragma once
// The table format: for people at an 80-column terminal, saying in words what the
// numbers mean.

#include <ostream>

#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// Writes each analysis as a labelled block.
class TableReporter : public Reporter {
 public:
  TableReporter(std::ostream& out, int precision) : out_(out), precision_(precision) {}
  void write(const Value& record) override;
  /// --series: aligned columns under a header.
  void write_rows(const std::vector<Value>& rows) override;

 private:
  std::ostream& out_;
  int precision_;
  bool first_ = true;
};

}  // namespace hedgecalc
