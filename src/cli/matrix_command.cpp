#include "matrix_command.hpp"

#include <cmath>
#include <functional>

#include "hedgecalc/error.hpp"
#include "hedgecalc/loader.hpp"
#include "option_checks.hpp"
#include "shard_option.hpp"
#include "hedgecalc/pair_matrix.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/json_reporter.hpp"
#include "hedgecalc/reporter.hpp"
#include "hedgecalc/row_table.hpp"

namespace hedgecalc {
namespace {

// A long-layout row, made once and refilled for each pair (a 500-column file has 249,500).
class PairRow {
 public:
  PairRow() {
    row_.reserve(6)
        .add("target", Value::string(""))
        .add("proxy", Value::string(""))
        .add("n", Value::integer(0))
        .add("hedge_ratio", Value::null())
        .add("correlation", Value::null())
        .add("effectiveness", Value::null());
  }

  const Value& fill(const std::string& target, const std::string& proxy, const PairResult& r) {
    row_.field_at(0).set_string(target);
    row_.field_at(1).set_string(proxy);
    row_.field_at(2).set_integer(static_cast<long long>(r.n));
    row_.field_at(3).set_number(r.hedge_ratio);
    row_.field_at(4).set_number(r.correlation);
    row_.field_at(5).set_number(r.effectiveness);
    return row_;
  }

 private:
  Value row_ = Value::object();
};

double field_value(const PairResult& r, MatrixField field) {
  switch (field) {
    case MatrixField::kN: return static_cast<double>(r.n);
    case MatrixField::kCorrelation: return r.correlation;
    case MatrixField::kEffectiveness: return r.effectiveness;
    case MatrixField::kHedgeRatio: break;
  }
  return r.hedge_ratio;
}

}  // namespace

void setup_matrix(CLI::App& command, MatrixOptions& options) {
  command.add_option("prices", options.prices, "Wide CSV files: a date column and price columns")
      ->type_name("PRICES")
      ->required();
  // Only what matrix uses: a pair's analysis options belong to the single command.
  add_output_options(command, options.analysis);
  add_return_options(command, options.analysis);
  add_reading_options(command, options.analysis);
  add_jobs_option(command, options.analysis);
  command.add_flag("--best", options.best,
                   "Per target, only the proxy with the highest effectiveness");
  add_choice<MatrixLayout>(command, "--layout", options.layout,
                           {{"long", MatrixLayout::kLong}, {"wide", MatrixLayout::kWide}},
                           "long (a row per ordered pair) or wide (one square matrix of --field)");
  add_choice<MatrixField>(command, "--field", options.field,
                          {{"hedge_ratio", MatrixField::kHedgeRatio},
                           {"correlation", MatrixField::kCorrelation},
                           {"effectiveness", MatrixField::kEffectiveness},
                           {"n", MatrixField::kN}},
                          "wide layout: hedge_ratio (default), correlation, effectiveness or n");
  add_shard_option(command, options.shard,
                   "I/N: only the rows of targets whose 0-based column number (over all PRICES, "
                   "date columns aside) mod N is I-1");
}

void validate_matrix_command(MatrixOptions& options) {
  if (options.best && options.layout == MatrixLayout::kWide) {
    throw UsageError("--best keeps one proxy per target: use it with --layout long");
  }
  if (options.field && options.layout != MatrixLayout::kWide) {
    throw UsageError("--field chooses the value of the wide layout: add --layout wide");
  }
  validate_input(options.analysis);
}

namespace {

// Every price column of every file, prepared as for a single analysis.
std::vector<PriceSeries> load_price_columns(const MatrixOptions& options, FileSystem& files) {
  const SingleOptions& single = options.analysis;
  std::vector<PriceSeries> columns;
  for (const std::string& argument : options.prices) {
    // FILE or FILE@OPTION=VALUE...: a file may carry its own reading options.
    const auto [path, reading] =
        files.is_file(argument) ? ReadingSuffix{argument, ""} : split_reading_suffix(argument);
    const CsvOptions own = series_csv_options(single.csv, reading, argument);
    FileContents contents = files.read(path);
    const std::string& file = path;  // a structured binding cannot be captured
    std::vector<ColumnLoad> loads = parse_unchanged(contents, file, [&](std::string_view bytes) {
      return load_all_columns(bytes, file, own, release_behind(contents));
    });
    for (ColumnLoad& loaded : loads) {
      if (!loaded.error.empty()) throw DataError(loaded.error);
      prepare_series(loaded.series, single);
      columns.push_back(std::move(loaded.series));
    }
  }
  if (columns.size() < 2) throw DataError("matrix needs at least two price columns");
  return columns;
}

using RowUse = std::function<void(const Value&)>;

// --layout wide: a row per target, a column per proxy.
void wide_rows(const std::vector<PriceSeries>& columns, const PairMatrix& matrix, MatrixField field,
               const RowUse& use) {
  const size_t k = columns.size();
  for (size_t t = matrix.shard().index; t < k; t += matrix.shard().count) {
    Value row = Value::object();
    row.add("target", Value::string(columns[t].label()));
    for (size_t p = 0; p < k; ++p) {
      const double v = t == p ? NAN : field_value(pair_result(matrix, t, p), field);
      row.add(columns[p].label(), field == MatrixField::kN && !std::isnan(v)
                                      ? Value::integer(static_cast<long long>(v))
                                      : Value::number(v));
    }
    use(row);
  }
}

// --layout long: a row per ordered pair, or with `best` per target only its best proxy.
// Either layout: only the targets of the shard.
void long_rows(const std::vector<PriceSeries>& columns, const PairMatrix& matrix, bool best_only,
               const RowUse& use) {
  const size_t k = columns.size();
  std::vector<std::string> labels;
  for (const PriceSeries& column : columns) labels.push_back(column.label());
  PairRow row;
  for (size_t t = matrix.shard().index; t < k; t += matrix.shard().count) {
    size_t best = k;
    double best_effectiveness = -1;
    for (size_t p = 0; p < k; ++p) {
      if (p == t) continue;
      const PairResult r = pair_result(matrix, t, p);
      if (best_only) {
        if (r.effectiveness > best_effectiveness) best = p, best_effectiveness = r.effectiveness;
        continue;
      }
      use(row.fill(labels[t], labels[p], r));
    }
    if (best_only && best < k) {
      use(row.fill(labels[t], labels[best], pair_result(matrix, t, best)));
    }
  }
}

// Every row is made from the matrix when it is written, so no format holds the rows (a
// 500-column file has 249,500 pairs): csv, tsv and ndjson row by row, json as one array
// written element by element, and the table in two passes, the first to measure it.
void write_rows(const SingleOptions& single, std::ostream& out,
                const std::function<void(const RowUse&)>& for_each_row) {
  if (single.format == OutputFormat::kTable) {
    RowTable table(out, single.precision);
    for_each_row([&](const Value& row) { table.measure(row); });
    for_each_row([&](const Value& row) { table.print(row); });
  } else if (single.format == OutputFormat::kJson) {
    JsonArrayWriter array(out);
    for_each_row([&](const Value& row) { array.write(row); });
    array.finish();
  } else {
    ReportOptions report;
    report.header = !single.no_header;
    report.precision = single.precision;
    auto reporter = make_reporter(single.format, out, report);
    for_each_row([&](const Value& row) { reporter->write(row); });
    reporter->finish();
  }
}

}  // namespace

int run_matrix(const MatrixOptions& options, FileSystem& files, std::ostream& out) {
  const SingleOptions& single = options.analysis;
  const std::vector<PriceSeries> columns = load_price_columns(options, files);
  std::vector<const PriceSeries*> pointers;
  for (const PriceSeries& c : columns) pointers.push_back(&c);
  const PairMatrix matrix(pointers, single.analysis.kind, Executor(single.jobs),
                          options.shard.value_or(Shard{}));
  write_rows(single, out, [&](const RowUse& use) {
    if (options.layout == MatrixLayout::kWide) {
      wide_rows(columns, matrix, options.field.value_or(MatrixField::kHedgeRatio), use);
    } else {
      long_rows(columns, matrix, options.best, use);
    }
  });
  out << std::flush;
  return 0;
}

}  // namespace hedgecalc
