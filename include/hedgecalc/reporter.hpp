#pragma once
// Output formats behind one interface: each format lives in its own file.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "hedgecalc/record.hpp"

namespace hedgecalc {

/// --format.
enum class OutputFormat { kTable, kCsv, kTsv, kJson, kNdjson };

/// Options that shape the output.
struct ReportOptions {
  bool header = true;  ///< csv/tsv: print the header row
  int precision = 4;   ///< table: significant digits
};

/// Writes analysis records to a stream.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Writes one analysis.
  virtual void write(const Value& record) = 0;
  /// Writes a table of flat records (--series: one per date); by default one write each.
  virtual void write_rows(const std::vector<Value>& rows) {
    for (const Value& row : rows) write(row);
  }
  /// Writes whatever closes the output.
  virtual void finish() {}
};

/// The reporter for a format, writing to out.
std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out,
                                        const ReportOptions& options);

}  // namespace hedgecalc
