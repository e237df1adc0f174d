#pragma once
// Streams the rows of `hedgecalc batch` in every output format. The csv/tsv columns
// are fixed before the first row (from the options), so that a failed pair is a row
// of empty fields and the shards of one batch print exactly the rows of one run.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "hedgecalc/json_reporter.hpp"
#include "hedgecalc/record.hpp"
#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// Writes batch rows: flat records whose first fields are [id,] target, proxy,
/// status, error.
class BatchWriter {
 public:
  /// columns: the flattened csv/tsv column names, in order.
  BatchWriter(OutputFormat format, std::ostream& out, const ReportOptions& options,
              std::vector<std::string> columns);
  /// Writes one row.
  void write(const Value& row);
  /// Closes the output (csv/tsv without rows: prints the header alone).
  void finish();

 private:
  using Cells = std::vector<std::pair<std::string, std::string>>;
  void start_delimited();
  void write_delimited(const Cells& cells);
  void write_table(const Value& row);

  OutputFormat format_;
  std::ostream& out_;
  ReportOptions options_;
  std::vector<std::string> header_;
  JsonArrayWriter json_;
  bool started_ = false;
  std::string line_;  // the delimited row being built
};

}  // namespace hedgecalc
