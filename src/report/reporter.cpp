#include "hedgecalc/reporter.hpp"

#include "hedgecalc/csv_reporter.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/json_reporter.hpp"
#include "table_reporter.hpp"

namespace hedgecalc {

OutputFormat parse_output_format(const std::string& name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "ndjson") return OutputFormat::kNdjson;
  throw UsageError("--format " + name + ": expected table, csv, tsv, json or ndjson");
}

std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out,
                                        const ReportOptions& options) {
  switch (format) {
    case OutputFormat::kCsv: return std::make_unique<CsvReporter>(out, ',', options.header);
    case OutputFormat::kTsv: return std::make_unique<CsvReporter>(out, '\t', options.header);
    case OutputFormat::kJson: return std::make_unique<JsonReporter>(out, /*compact=*/false);
    case OutputFormat::kNdjson: return std::make_unique<JsonReporter>(out, /*compact=*/true);
    case OutputFormat::kTable: break;
  }
  return std::make_unique<TableReporter>(out, options.precision);
}

}  // namespace hedgecalc
