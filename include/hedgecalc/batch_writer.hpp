#pragma once
// Streams the rows of `hedgecalc batch` in every output format. A csv/tsv header is
// the fields of the first successful row; rows that fail before one exists wait for
// it (or for the end), then print with those fields empty.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "hedgecalc/record.hpp"
#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// Writes batch rows: flat records whose first fields are [id,] target, proxy,
/// status, error.
class BatchWriter {
 public:
  BatchWriter(OutputFormat format, std::ostream& out, const ReportOptions& options);
  /// Writes one row now, or keeps it until the csv header is known.
  void write(const Value& row, bool ok);
  /// Flushes kept rows and closes the output.
  void finish();

 private:
  using Cells = std::vector<std::pair<std::string, std::string>>;
  void write_delimited(const Cells& cells);
  void write_table(const Value& row);

  OutputFormat format_;
  std::ostream& out_;
  ReportOptions options_;
  std::vector<std::string> header_;
  std::vector<Cells> waiting_;
  bool started_ = false;
};

}  // namespace hedgecalc
