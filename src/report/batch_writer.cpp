#include "hedgecalc/batch_writer.hpp"

#include <algorithm>

#include "csv_reporter.hpp"
#include "hedgecalc/json_reporter.hpp"
#include "number_format.hpp"

namespace hedgecalc {
BatchWriter::BatchWriter(OutputFormat format, std::ostream& out, const ReportOptions& options,
                         std::vector<std::string> columns)
    : format_(format),
      out_(out),
      options_(options),
      header_(std::move(columns)),
      json_(out) {}

void BatchWriter::write(const Value& row) {
  switch (format_) {
    case OutputFormat::kJson:
      json_.write(row);
      return;
    case OutputFormat::kNdjson:
      JsonReporter(out_, /*compact=*/true).write(row);
      return;
    case OutputFormat::kTable:
      write_table(row);
      return;
    default: break;
  }
  write_delimited(flatten_rows(row).front());
}

void BatchWriter::start_delimited() {
  const char delimiter = format_ == OutputFormat::kTsv ? '\t' : ',';
  if (options_.header) {
    for (size_t i = 0; i < header_.size(); ++i) {
      out_ << (i ? std::string(1, delimiter) : "") << csv_quote(header_[i], delimiter);
    }
    out_ << '\n';
  }
  started_ = true;
}

void BatchWriter::write_delimited(const Cells& cells) {
  const char delimiter = format_ == OutputFormat::kTsv ? '\t' : ',';
  const char needs_quotes[] = {'"', '\r', '\n', delimiter, '\0'};
  if (!started_) start_delimited();
  // A row's cells come in the header's order, some columns absent (an error row): a
  // cursor finds each without a search; a key out of that order is searched for. Keys
  // are unique, so either finds the one cell of the column. The row is built in one
  // buffer and written at once.
  line_.clear();
  size_t cursor = 0;
  for (size_t i = 0; i < header_.size(); ++i) {
    if (i > 0) line_ += delimiter;
    const std::string* value = nullptr;
    if (cursor < cells.size() && cells[cursor].first == header_[i]) {
      value = &cells[cursor++].second;
    } else {
      const auto found = std::find_if(cells.begin(), cells.end(),
                                      [&](const auto& cell) { return cell.first == header_[i]; });
      if (found != cells.end()) value = &found->second;
    }
    if (value == nullptr) continue;
    line_ += value->find_first_of(needs_quotes) == std::string::npos ? *value
                                                                      : csv_quote(*value, delimiter);
  }
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

void BatchWriter::write_table(const Value& row) {
  // Fixed-width numbers first so that the columns line up while rows stream.
  constexpr size_t kWidth = 15;
  auto right = [&](std::string text, size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
  };
  auto number = [&](const char* key) {
    const Value* v = row.find(key);
    std::string text;
    if (v != nullptr && v->type() == Value::Type::kNumber) {
      text = format_significant(v->number_value(), options_.precision);
    } else if (v != nullptr && v->type() == Value::Type::kInteger) {
      text = std::to_string(v->integer_value());
    }
    return right(text, kWidth);
  };
  if (!started_) {
    out_ << "status" << right("n", 8) << right("hedge_ratio", kWidth) << right("correlation", kWidth)
         << right("effectiveness", kWidth) << "  pair\n";
    started_ = true;
  }
  const Value* id = row.find("id");
  std::string status = row.find("status")->string_value();
  status.resize(6, ' ');
  out_ << status << number("n").substr(kWidth - 8) << number("hedge_ratio")
       << number("correlation") << number("effectiveness") << "  "
       << (id != nullptr ? id->string_value() + ": " : "") << row.find("target")->string_value()
       << " / " << row.find("proxy")->string_value();
  const std::string& error = row.find("error")->string_value();
  if (!error.empty()) out_ << "\n        " << error;
  out_ << '\n';
}

void BatchWriter::finish() {
  if (format_ == OutputFormat::kJson) json_.finish();
  // No rows (an empty PAIRS, or a --resume with nothing left): csv/tsv still print
  // the header, so that a script reading it finds its columns.
  const bool delimited = format_ == OutputFormat::kCsv || format_ == OutputFormat::kTsv;
  if (delimited && !started_) start_delimited();
}

}  // namespace hedgecalc
