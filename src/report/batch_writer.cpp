#include "hedgecalc/batch_writer.hpp"

#include <map>

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
  if (!started_) start_delimited();
  std::map<std::string, const std::string*> by_key;
  for (const auto& [key, value] : cells) by_key[key] = &value;
  for (size_t i = 0; i < header_.size(); ++i) {
    const auto found = by_key.find(header_[i]);
    out_ << (i ? std::string(1, delimiter) : "")
         << (found == by_key.end() ? "" : csv_quote(*found->second, delimiter));
  }
  out_ << '\n';
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
