#include "hedgecalc/loader.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "column_choice.hpp"
#include "csv_fields.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/huge_pages.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/text.hpp"
#include "line_source.hpp"
#include "plain_rows.hpp"
#include "series_order.hpp"

namespace hedgecalc {
namespace {

// Enough rows to tell a numeric column from a text one when guessing the price column.
constexpr size_t kSampleRows = 50;

bool is_skippable(std::string_view line) {
  const std::string_view content = trim(line);
  return content.empty() || content.front() == '#';
}

// For a price that is not a number in the style asked for: the option that would read it
// ("1,000.5" with --thousands comma; "1.000,5" with --decimal comma), or "".
std::string separator_hint(std::string_view text, const NumberStyle& style) {
  if (style.thousands != '\0' || style.decimal != '.') return "";
  if (parse_cell(text, NumberStyle{',', '.'}).kind == CellKind::kNumber) {
    return " (for thousands separators add --thousands comma)";
  }
  if (parse_cell(text, NumberStyle{'\0', ','}).kind == CellKind::kNumber ||
      parse_cell(text, NumberStyle{'.', ','}).kind == CellKind::kNumber) {
    return " (for a decimal comma add --decimal comma)";
  }
  return "";
}

std::string delimiter_name(char delimiter) {
  return delimiter == '\t' ? std::string("TAB") : std::string("'") + delimiter + "'";
}

void split_or_throw(FieldSplitter& splitter, const SourceRecord& record,
                    const std::string& file_label, char delimiter) {
  const SplitStatus status = splitter.split(record.text, delimiter);
  if (status == SplitStatus::kOk) return;
  const std::string what =
      status == SplitStatus::kUnterminatedQuote ? "unterminated quote" : "text after a closing quote";
  throw DataError(location(file_label, record.line) + "column " +
                  std::to_string(splitter.error_offset() + 1) + ": " + what + " in " +
                  quoted_excerpt(record.text));
}

NumberStyle number_style(const CsvOptions& options) {
  NumberStyle style;
  if (options.thousands) style.thousands = *options.thousands;
  style.decimal = options.decimal;
  return style;
}

// The header (or, headerless, the first row) and the first rows kept as text until
// the price columns are known.
struct Preamble {
  bool headerless = false;
  bool sniffed = false;  // headerless because the first row read as data
  std::vector<std::string> names;
  char delimiter = ',';
  size_t date_index = 0;
  std::vector<std::pair<std::string, size_t>> samples;
};

// A headerless export (Binance's klines: epoch milliseconds and eleven numbers) starts
// with data; a header has at least one name that is neither a number nor a date.
bool reads_as_data(const std::vector<std::string_view>& cells) {
  for (const std::string_view cell : cells) {
    if (parse_cell(cell).kind != CellKind::kNumber && !parse_timestamp(cell)) return false;
  }
  return !cells.empty();
}

Preamble read_preamble(LineSource& source, const std::string& file_label,
                       const CsvOptions& options) {
  Preamble p;
  std::optional<SourceRecord> first;
  while ((first = source.next('\0')) && is_skippable(first->text)) {
  }
  if (!first) throw DataError(file_label + ": the file is empty (no header and no rows)");
  p.delimiter = options.delimiter.value_or(detect_delimiter(first->text));
  FieldSplitter splitter;
  split_or_throw(splitter, *first, file_label, p.delimiter);
  p.sniffed = !options.headerless && reads_as_data(splitter.fields());
  p.headerless = options.headerless.value_or(p.sniffed);
  for (size_t i = 0; i < splitter.fields().size(); ++i) {
    p.names.push_back(p.headerless ? std::to_string(i + 1)
                                   : std::string(trim(splitter.fields()[i])));
  }
  if (p.headerless) p.samples.emplace_back(std::string(first->text), first->line);
  std::optional<SourceRecord> record;
  while (p.samples.size() < kSampleRows && (record = source.next(p.delimiter))) {
    if (!is_skippable(record->text)) p.samples.emplace_back(std::string(record->text), record->line);
  }
  p.date_index = find_date_column(p.names, options.date_column, file_label);
  return p;
}

size_t resolve_column(const Preamble& p, const std::optional<std::string>& column,
                      const std::string& file_label, const CsvOptions& options) {
  size_t index;
  if (column) {
    index = find_named_column(p.names, *column, file_label);
  } else {
    FieldSplitter splitter;
    std::vector<std::vector<std::string>> sample_rows;
    for (const auto& [text, line] : p.samples) {
      split_or_throw(splitter, {text, line}, file_label, p.delimiter);
      sample_rows.emplace_back(splitter.fields().begin(), splitter.fields().end());
    }
    // The numeric-column guess must read numbers as --thousands/--decimal say.
    index = guess_price_column(p.names, p.date_index, sample_rows, file_label,
                               number_style(options));
  }
  if (index == p.date_index) {
    throw DataError(file_label + ": column " + quoted_excerpt(p.names[index]) +
                    " is the date column; name the price column as " + file_label + ":COLUMN");
  }
  return index;
}

// Reads rows into one series per requested column.
class RowReader {
 public:
  RowReader(const std::string& file_label, const Preamble& preamble,
            const std::vector<size_t>& price_indices, const CsvOptions& options,
            std::vector<ColumnLoad>& columns)
      : file_label_(file_label),
        names_(preamble.names),
        delimiter_(preamble.delimiter),
        date_index_(preamble.date_index),
        headerless_(preamble.headerless),
        price_indices_(price_indices),
        options_(options),
        columns_(columns),
        number_style_(number_style(options)),
        simple_shape_(!options.date_format &&
                      number_style_.thousands == '\0' && number_style_.decimal == '.' &&
                      delimiter_ != ' '),
        plain_rows_(delimiter_, names_.size(), date_index_, price_indices_) {}

  /// False once every column has failed: nothing more to read.
  bool any_column_alive() const { return failed_ < columns_.size(); }

  /// Reads the plain rows (PlainRows) at the source's position, up to the first row of
  /// another shape, once the general path has settled the date spelling as ISO.
  void read_plain_rows(LineSource& source) {
    if (!simple_shape_ || failed_ > 0 || first_date_line_ == 0 ||
        first_style_ != DateStyle::kIsoDash) {
      return;
    }
    values_.resize(price_indices_.size());
    // In steps, so that the source can release the bytes behind it as it goes.
    constexpr size_t kStep = size_t{1} << 20;
    for (bool more = true; more;) {
      const std::string_view rest = source.rest();
      size_t used = 0, lines = 0;
      const size_t first_line = source.lines_read() + 1;
      Timestamp time = 0;
      while (used < std::min(rest.size(), kStep)) {
        const size_t taken = plain_rows_.read(rest.substr(used), time, values_.data());
        if (taken == 0) {
          more = false;
          break;
        }
        store(time, first_line + lines);
        used += taken, ++lines;
      }
      more &= used < rest.size();
      source.skip(used, lines);
    }
  }

  void read(const SourceRecord& record) {
    if (simple_shape_ && read_simple(record)) return;
    split_or_throw(splitter_, record, file_label_, delimiter_);
    const auto& fields = splitter_.fields();
    if (fields.size() != names_.size()) {
      throw DataError(location(file_label_, record.line) + "row has " +
                      std::to_string(fields.size()) + " fields but the " +
                      (headerless_ ? "first row" : "header") + " has " +
                      std::to_string(names_.size()) + " (delimiter " + delimiter_name(delimiter_) +
                      ")");
    }
    // The date is read once per row, and only when some column has a price in it.
    bool have_date = false;
    Timestamp time = 0;
    for (size_t c = 0; c < price_indices_.size(); ++c) {
      ColumnLoad& column = columns_[c];
      if (!column.error.empty()) continue;
      const std::string_view price_text = fields[price_indices_[c]];
      const Cell cell = parse_cell(price_text, number_style_);
      if (cell.kind == CellKind::kMissing) {
        ++column.series.missing;
        continue;
      }
      if (cell.kind != CellKind::kNumber) {
        column.error = where(record.line, price_indices_[c]) + quoted_excerpt(trim(price_text)) +
                       (cell.kind == CellKind::kNonFinite ? " is not a finite number"
                                                          : " is not a number" +
                                                                separator_hint(price_text, number_style_));
        ++failed_;
        continue;
      }
      if (!have_date) {
        time = parse_date(fields[date_index_], record.line);
        have_date = true;
      }
      column.series.time.push_back(time);
      column.series.price.push_back(cell.value);
      column.series.line.push_back(static_cast<std::uint32_t>(record.line));
    }
  }

 private:
  // A date and plain numbers in a row without quotes, as nearly every row of a price
  // file is, read without the field splitter or the checks a cell needs. False, having
  // changed nothing, for any other row (or once a column has failed): the general path
  // then reads it and words any error, so what is accepted and every message stay as
  // they were.
  bool read_simple(const SourceRecord& record) {
    if (failed_ > 0 || first_date_line_ == 0) return false;
    // The row's fields at its delimiters. A quote anywhere (a quoted field may hold a
    // delimiter) or another count of fields is for the general path to read.
    const std::string_view text = record.text;
    if (text.find('"') != std::string_view::npos) return false;
    cuts_.clear();
    for (size_t start = 0;;) {
      const size_t cut = text.find(delimiter_, start);
      cuts_.push_back(cut == std::string_view::npos ? text.size() : cut);
      if (cuts_.size() > names_.size() || cut == std::string_view::npos) break;
      start = cut + 1;
    }
    if (cuts_.size() != names_.size()) return false;
    auto field = [&](size_t i) {
      const size_t start = i == 0 ? 0 : cuts_[i - 1] + 1;
      return text.substr(start, cuts_[i] - start);
    };
    values_.resize(price_indices_.size());
    for (size_t c = 0; c < price_indices_.size(); ++c) {
      if (!read_plain_price(field(price_indices_[c]), values_[c])) return false;
    }
    const auto parsed = parse_timestamp(field(date_index_));
    if (!parsed || parsed->style != first_style_) return false;
    store(parsed->time, record.line);
    return true;
  }

  // The row's prices, read into values_, at time (PlainRows::kMissing: none).
  void store(Timestamp time, size_t line) {
    for (size_t c = 0; c < price_indices_.size(); ++c) {
      PriceSeries& series = columns_[c].series;
      if (std::isnan(values_[c])) {
        ++series.missing;
        continue;
      }
      series.time.push_back(time);
      series.price.push_back(values_[c]);
      series.line.push_back(static_cast<std::uint32_t>(line));
    }
  }

  std::string where(size_t line, size_t column) const {
    return location(file_label_, line) + "column " + quoted_excerpt(names_[column], 40) + ": ";
  }

  Timestamp parse_date(std::string_view text, size_t line) {
    if (options_.date_format) {
      if (auto time = options_.date_format->parse(text)) return *time;
      throw DataError(where(line, date_index_) + quoted_excerpt(trim(text)) +
                      " does not match --date-format " +
                      quoted_excerpt(options_.date_format->text()));
    }
    const auto parsed = parse_timestamp(text);
    if (!parsed) {
      throw DataError(where(line, date_index_) + quoted_excerpt(trim(text)) + " is " +
                      why_not_a_date(text));
    }
    if (!first_date_line_) {
      first_date_line_ = line;
      first_date_text_ = std::string(trim(text));
      first_style_ = parsed->style;
    } else if (parsed->style != first_style_) {
      throw DataError(where(line, date_index_) + quoted_excerpt(trim(text)) +
                      " is written differently from the first date (line " +
                      std::to_string(first_date_line_) + ": " + quoted_excerpt(first_date_text_) +
                      "); a date column must use one format");
    }
    return parsed->time;
  }

  const std::string& file_label_;
  const std::vector<std::string>& names_;
  const char delimiter_;
  const size_t date_index_;
  const bool headerless_;
  const std::vector<size_t>& price_indices_;
  const CsvOptions& options_;
  std::vector<ColumnLoad>& columns_;
  NumberStyle number_style_;
  const bool simple_shape_;   // plain numbers, no --date-format
  std::vector<size_t> cuts_;     // read_simple: where each field ends
  std::vector<double> values_;   // read_simple, read_plain_rows: the row's prices
  PlainRows plain_rows_;
  FieldSplitter splitter_;
  size_t failed_ = 0;
  size_t first_date_line_ = 0;
  std::string first_date_text_;
  DateStyle first_style_ = DateStyle::kIsoDash;
};

std::vector<ColumnLoad> load_indices(LineSource& source, const Preamble& preamble,
                                     const std::vector<size_t>& indices,
                                     const std::string& file_label, const CsvOptions& options) {
  std::vector<ColumnLoad> columns(indices.size());
  // One exact reservation: no vector growth slack on files of millions of rows.
  const size_t rows_bound = preamble.samples.size() + source.remaining_line_count();
  for (size_t c = 0; c < indices.size(); ++c) {
    PriceSeries& s = columns[c].series;
    s.file = file_label;
    s.column = preamble.names[indices[c]];
    s.first_row_is_data = preamble.sniffed;
    reserve_huge(s.time, rows_bound);
    reserve_huge(s.price, rows_bound);
    reserve_huge(s.line, rows_bound);
  }
  RowReader rows(file_label, preamble, indices, options, columns);
  for (const auto& [text, line] : preamble.samples) {
    if (rows.any_column_alive()) rows.read({text, line});
  }
  std::optional<SourceRecord> record;
  while (rows.any_column_alive()) {
    rows.read_plain_rows(source);
    if (!(record = source.next(preamble.delimiter))) break;
    if (!is_skippable(record->text)) rows.read(*record);
  }
  for (ColumnLoad& column : columns) {
    PriceSeries& s = column.series;
    if (!column.error.empty()) {
      s = PriceSeries{s.file, s.column, {}, {}, {}, 0};
      continue;
    }
    if (s.size() == 0) {
      column.error = file_label + ": column " + quoted_excerpt(s.column) +
                     (s.missing > 0 ? ": every one of the " + std::to_string(s.missing) +
                                          " rows is missing its price"
                                    : ": no data rows after the header");
      continue;
    }
    try {
      sort_by_time(s);
    } catch (const DataError& e) {
      column.error = e.what();
      s = PriceSeries{s.file, s.column, {}, {}, {}, 0};
    }
  }
  return columns;
}

}  // namespace

std::vector<ColumnLoad> load_columns(std::string_view bytes, const std::string& file_label,
                                     const std::vector<std::optional<std::string>>& columns,
                                     const CsvOptions& options, const ReleaseBytes& release) {
  LineSource source(file_label, bytes);
  source.release_behind(release);
  const Preamble preamble = read_preamble(source, file_label, options);
  // A column that cannot be found fails alone; the others are read.
  std::vector<ColumnLoad> results(columns.size());
  std::vector<size_t> indices, found;
  for (size_t c = 0; c < columns.size(); ++c) {
    try {
      indices.push_back(resolve_column(preamble, columns[c], file_label, options));
      found.push_back(c);
    } catch (const DataError& e) {
      results[c].series.file = file_label;
      results[c].series.column = columns[c].value_or("");
      results[c].error = e.what();
    }
  }
  if (indices.empty()) return results;
  std::vector<ColumnLoad> loaded = load_indices(source, preamble, indices, file_label, options);
  for (size_t i = 0; i < found.size(); ++i) results[found[i]] = std::move(loaded[i]);
  return results;
}

std::vector<ColumnLoad> load_all_columns(std::string_view bytes, const std::string& file_label,
                                         const CsvOptions& options, const ReleaseBytes& release) {
  LineSource source(file_label, bytes);
  source.release_behind(release);
  const Preamble preamble = read_preamble(source, file_label, options);
  std::vector<size_t> indices;
  for (size_t i = 0; i < preamble.names.size(); ++i) {
    if (i != preamble.date_index) indices.push_back(i);
  }
  return load_indices(source, preamble, indices, file_label, options);
}

PriceSeries load_series(std::string_view bytes, const std::string& file_label,
                        const std::optional<std::string>& column, const CsvOptions& options,
                        const ReleaseBytes& release) {
  std::vector<ColumnLoad> loaded = load_columns(bytes, file_label, {column}, options, release);
  if (!loaded.front().error.empty()) throw DataError(loaded.front().error);
  return std::move(loaded.front().series);
}

struct GrowingCsv::State {
  std::string file_label;
  std::vector<std::optional<std::string>> wanted;
  CsvOptions options;
  std::string pending;  // the first lines, until the header and a data row are there
  size_t lines_read = 0;
  Preamble preamble;
  std::vector<size_t> indices;
  std::vector<ColumnLoad> columns;
  std::unique_ptr<RowReader> reader;

  void read_records(LineSource& source) {
    std::optional<SourceRecord> record;
    while ((record = source.next(preamble.delimiter))) {
      if (!is_skippable(record->text)) reader->read(*record);
    }
    for (const ColumnLoad& column : columns) {
      if (!column.error.empty()) throw DataError(column.error);
    }
  }

  // Settles the header and the columns on the first lines, as load_columns does.
  void settle() {
    LineSource source(file_label, pending);
    preamble = read_preamble(source, file_label, options);
    columns.resize(wanted.size());
    for (size_t c = 0; c < wanted.size(); ++c) {
      indices.push_back(resolve_column(preamble, wanted[c], file_label, options));
      columns[c].series.file = file_label;
      columns[c].series.column = preamble.names[indices[c]];
      columns[c].series.first_row_is_data = preamble.sniffed;
    }
    reader = std::make_unique<RowReader>(file_label, preamble, indices, options, columns);
    for (const auto& [text, line] : preamble.samples) reader->read({text, line});
    read_records(source);
  }
};

GrowingCsv::GrowingCsv(std::string file_label, std::vector<std::optional<std::string>> columns,
                       CsvOptions options)
    : state_(std::make_unique<State>()) {
  state_->file_label = std::move(file_label);
  state_->wanted = std::move(columns);
  state_->options = std::move(options);
}

GrowingCsv::~GrowingCsv() = default;
GrowingCsv::GrowingCsv(GrowingCsv&&) noexcept = default;

void GrowingCsv::feed(std::string_view lines) {
  State& s = *state_;
  const auto line_ends = static_cast<size_t>(std::count(lines.begin(), lines.end(), '\n'));
  if (!s.reader) {
    s.pending.append(lines);
    // The header and one data row settle the columns (a headerless file's first row
    // is data: two rows then).
    size_t rows = 0;
    LineSource count(s.file_label, s.pending);
    for (std::optional<SourceRecord> r; rows < 2 && (r = count.next('\0'));) rows += !is_skippable(r->text);
    if (rows < 2) return;
    s.settle();
    s.lines_read = static_cast<size_t>(std::count(s.pending.begin(), s.pending.end(), '\n'));
    s.pending = std::string();
    return;
  }
  LineSource source(s.file_label, lines, s.lines_read);
  s.read_records(source);
  s.lines_read += line_ends;
}

std::vector<ColumnLoad>& GrowingCsv::columns() { return state_->columns; }

}  // namespace hedgecalc
