#include "hedgecalc/single_command.hpp"

#include <sstream>

#include "hedgecalc/align.hpp"
#include "hedgecalc/analysis_record.hpp"
#include "hedgecalc/date_range.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/hedge_analysis.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/reporter.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/series_spec.hpp"

namespace hedgecalc {
namespace {

CsvOptions csv_options(const SingleOptions& options) {
  CsvOptions csv;
  csv.headerless = options.headerless;
  if (!options.delimiter.empty()) {
    const std::string& d = options.delimiter;
    if (d == "\\t" || d == "tab" || d == "TAB") {
      csv.delimiter = '\t';
    } else if (d.size() == 1 && d != "\"" && d != "\n" && d != "\r") {
      csv.delimiter = d[0];
    } else {
      throw UsageError("--delimiter " + d + ": expected one character (or \\t for TAB)");
    }
  }
  if (!options.date_col.empty()) csv.date_column = options.date_col;
  if (!options.date_format.empty()) csv.date_format.emplace(options.date_format);
  return csv;
}

void check_arguments(const SingleOptions& options) {
  if (options.series.size() < 2) {
    throw UsageError("expected TARGET and at least one PROXY (see hedgecalc --help)");
  }
  size_t stdin_count = 0;
  for (const std::string& s : options.series) stdin_count += s == "-" || s.rfind("-:", 0) == 0;
  if (stdin_count > 1) throw UsageError("standard input (-) can be read only once per command");
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw UsageError("--confidence must be between 0 and 1 (exclusive)");
  }
}

}  // namespace

void setup_single(CLI::App& app, SingleOptions& options) {
  app.add_option("series", options.series,
                 "TARGET then one or more PROXY series, each PATH[:COLUMN] ('-' is stdin)");
  app.add_option("--format", options.format, "Output: table, csv, tsv, json, ndjson")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "ndjson"}))
      ->capture_default_str();
  app.add_flag("--no-header", options.no_header, "csv/tsv: leave out the header row");
  app.add_option("--precision", options.precision, "Significant digits in the table")
      ->check(CLI::Range(1, 17))
      ->capture_default_str();
  app.add_option("--returns", options.returns, "simple, log, diff, or none (columns hold returns)")
      ->check(CLI::IsMember({"simple", "log", "diff", "none"}))
      ->capture_default_str();
  app.add_option("--from", options.from, "First date to use (inclusive)");
  app.add_option("--to", options.to, "Last date to use (inclusive; a date keeps the whole day)");
  app.add_option("--confidence", options.confidence, "Level of the hedge ratio's t-interval")
      ->capture_default_str();
  app.add_flag("--headerless", options.headerless,
               "The files have no header; columns are named by number");
  app.add_option("--delimiter", options.delimiter,
                 "Field delimiter (default: detected among , ; TAB |; write \\t for TAB)");
  app.add_option("--date-col", options.date_col, "Date column, by name or 1-based number");
  app.add_option("--date-format", options.date_format,
                 "strptime-style date format: %Y %y %m %d %b %H %M %S");
}

std::string run_single(const SingleOptions& options, FileSystem& files) {
  check_arguments(options);
  const CsvOptions csv = csv_options(options);
  const ReturnKind kind = parse_return_kind(options.returns);
  const OutputFormat format = parse_output_format(options.format);
  const DateRange range = parse_date_range(options.from, options.to);

  std::vector<PriceSeries> series;
  series.reserve(options.series.size());
  for (const std::string& argument : options.series) {
    const SeriesSpec spec = parse_series_spec(argument, files);
    const std::string bytes = files.read(spec.path);
    series.push_back(load_series(bytes, spec.path, spec.column, csv));
    restrict_to_range(series.back(), range);
    require_positive_prices(series.back(), kind);
  }

  std::vector<const PriceSeries*> pointers;
  std::vector<std::string> labels;
  for (const PriceSeries& s : series) {
    pointers.push_back(&s);
    labels.push_back(s.label());
  }
  const ReturnSeries returns = compute_returns(align_inner(pointers), kind);
  HedgeOptions hedge;
  hedge.confidence = options.confidence;
  const HedgeAnalysis analysis = analyse_hedge(returns, labels, hedge);

  std::ostringstream out;
  ReportOptions report;
  report.header = !options.no_header;
  report.precision = options.precision;
  auto reporter = make_reporter(format, out, report);
  reporter->write(analysis_record(analysis, labels, kind));
  reporter->finish();
  return out.str();
}

}  // namespace hedgecalc
