#include "hedgecalc/loader.hpp"

#include <vector>

#include "hedgecalc/column_choice.hpp"
#include "hedgecalc/csv_fields.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/line_source.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/series_order.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// Enough rows to tell a numeric column from a text one when guessing the price column.
constexpr size_t kSampleRows = 50;

bool is_skippable(std::string_view line) {
  const std::string_view content = trim(line);
  return content.empty() || content.front() == '#';
}

std::string delimiter_name(char delimiter) {
  return delimiter == '\t' ? std::string("TAB") : std::string("'") + delimiter + "'";
}

// Reads rows into a series once the columns are known.
class RowReader {
 public:
  RowReader(const std::string& file_label, const std::vector<std::string>& names, char delimiter,
            size_t date_index, size_t price_index, const CsvOptions& options, PriceSeries& series)
      : file_label_(file_label),
        names_(names),
        delimiter_(delimiter),
        date_index_(date_index),
        price_index_(price_index),
        options_(options),
        series_(series) {
    if (options.thousands) number_style_.thousands = *options.thousands;
    number_style_.decimal = options.decimal;
  }

  void read(const SourceRecord& record) {
    split_or_throw(splitter_, record, file_label_, delimiter_);
    const auto& fields = splitter_.fields();
    if (fields.size() != names_.size()) {
      throw DataError(location(file_label_, record.line) + "row has " +
                      std::to_string(fields.size()) + " fields but the " +
                      (options_.headerless ? "first row" : "header") + " has " +
                      std::to_string(names_.size()) + " (delimiter " + delimiter_name(delimiter_) +
                      ")");
    }
    const std::string_view price_text = fields[price_index_];
    const Cell cell = parse_cell(price_text, number_style_);
    if (cell.kind == CellKind::kMissing) {
      ++series_.missing;
      return;
    }
    if (cell.kind != CellKind::kNumber) {
      throw DataError(where(record.line, price_index_) + quoted_excerpt(trim(price_text)) +
                      (cell.kind == CellKind::kNonFinite ? " is not a finite number"
                                                         : " is not a number"));
    }
    series_.time.push_back(parse_date(fields[date_index_], record.line));
    series_.price.push_back(cell.value);
    series_.line.push_back(static_cast<std::uint32_t>(record.line));
  }

  static void split_or_throw(FieldSplitter& splitter, const SourceRecord& record,
                             const std::string& file_label, char delimiter) {
    const SplitStatus status = splitter.split(record.text, delimiter);
    if (status == SplitStatus::kOk) return;
    const std::string what = status == SplitStatus::kUnterminatedQuote
                                 ? "unterminated quote"
                                 : "text after a closing quote";
    throw DataError(location(file_label, record.line) + "column " +
                    std::to_string(splitter.error_offset() + 1) + ": " + what + " in " +
                    quoted_excerpt(record.text));
  }

 private:
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
      throw DataError(where(line, date_index_) + quoted_excerpt(trim(text)) + " is not a date (" +
                      accepted_date_spellings() + ")");
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
  const size_t price_index_;
  const CsvOptions& options_;
  PriceSeries& series_;
  NumberStyle number_style_;
  FieldSplitter splitter_;
  size_t first_date_line_ = 0;
  std::string first_date_text_;
  DateStyle first_style_ = DateStyle::kIsoDash;
};

}  // namespace

PriceSeries load_series(std::string_view bytes, const std::string& file_label,
                        const std::optional<std::string>& column, const CsvOptions& options) {
  LineSource source(file_label, bytes);
  std::optional<SourceRecord> first;
  while ((first = source.next('\0')) && is_skippable(first->text)) {
  }
  if (!first) throw DataError(file_label + ": the file is empty (no header and no rows)");
  const char delimiter = options.delimiter.value_or(detect_delimiter(first->text));

  FieldSplitter splitter;
  RowReader::split_or_throw(splitter, *first, file_label, delimiter);
  std::vector<std::string> names;
  for (size_t i = 0; i < splitter.fields().size(); ++i) {
    names.push_back(options.headerless ? std::to_string(i + 1)
                                       : std::string(trim(splitter.fields()[i])));
  }

  // Keep the first rows (as text) until the price column is known.
  std::vector<std::pair<std::string, size_t>> samples;
  if (options.headerless) samples.emplace_back(std::string(first->text), first->line);
  std::optional<SourceRecord> record;
  while (samples.size() < kSampleRows && (record = source.next(delimiter))) {
    if (!is_skippable(record->text)) samples.emplace_back(std::string(record->text), record->line);
  }

  const size_t date_index = find_date_column(names, options.date_column, file_label);
  size_t price_index;
  if (column) {
    price_index = find_named_column(names, *column, file_label);
  } else {
    // The numeric-column guess must read numbers as --thousands/--decimal say.
    std::vector<std::vector<std::string>> sample_rows;
    for (const auto& [text, line] : samples) {
      RowReader::split_or_throw(splitter, {text, line}, file_label, delimiter);
      sample_rows.emplace_back(splitter.fields().begin(), splitter.fields().end());
    }
    NumberStyle style;
    if (options.thousands) style.thousands = *options.thousands;
    style.decimal = options.decimal;
    price_index = guess_price_column(names, date_index, sample_rows, file_label, style);
  }
  if (price_index == date_index) {
    throw DataError(file_label + ": column " + quoted_excerpt(names[price_index]) +
                    " is the date column; name the price column as " + file_label + ":COLUMN");
  }

  PriceSeries series;
  series.file = file_label;
  series.column = names[price_index];
  // One exact reservation: no vector growth slack on files of millions of rows.
  const size_t rows_bound = samples.size() + source.remaining_line_count();
  series.time.reserve(rows_bound);
  series.price.reserve(rows_bound);
  series.line.reserve(rows_bound);
  RowReader rows(file_label, names, delimiter, date_index, price_index, options, series);
  for (const auto& [text, line] : samples) rows.read({text, line});
  while ((record = source.next(delimiter))) {
    if (!is_skippable(record->text)) rows.read(*record);
  }
  if (series.size() == 0) {
    throw DataError(file_label + ": column " + quoted_excerpt(series.column) +
                    (series.missing > 0 ? ": every one of the " + std::to_string(series.missing) +
                                              " rows is missing its price"
                                        : ": no data rows after the header"));
  }
  sort_by_time(series);
  return series;
}

}  // namespace hedgecalc
