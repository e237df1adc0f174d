#include "hedgecalc/reporter.hpp"

#include "csv_reporter.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/json_reporter.hpp"
#include "table_reporter.hpp"

namespace hedgecalc {

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
