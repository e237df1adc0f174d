#include "csv_reporter.hpp"

#include <charconv>

#include "number_format.hpp"

namespace hedgecalc {
namespace {

using Row = std::vector<std::pair<std::string, std::string>>;

std::string cell_text(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNumber: return format_number(value.number_value());
    case Value::Type::kInteger: return std::to_string(value.integer_value());
    case Value::Type::kString: return value.string_value();
    case Value::Type::kBoolean: return value.boolean_value() ? "true" : "false";
    default: return "";
  }
}

bool is_scalar_list(const Value& array) {
  for (const Value& item : array.items()) {
    if (item.type() == Value::Type::kObject || item.type() == Value::Type::kArray) return false;
  }
  return !array.items().empty();
}

// Appends the scalar fields of value under prefix to every row; a basket's
// `proxies` multiplies the rows.
void flatten_into(const Value& value, const std::string& prefix, std::vector<Row>& rows) {
  if (value.type() == Value::Type::kObject) {
    for (const Field& field : value.fields()) {
      flatten_into(field.value, prefix.empty() ? field.key : prefix + "_" + field.key, rows);
    }
    return;
  }
  if (value.type() == Value::Type::kArray && is_scalar_list(value)) {
    // One per row when they match the rows (a basket's per-proxy counts beside its
    // per-proxy rows); else one cell, the items separated by ';'.
    const auto& items = value.items();
    std::string joined;
    for (size_t i = 0; i < items.size(); ++i) joined += (i ? ";" : "") + cell_text(items[i]);
    for (size_t r = 0; r < rows.size(); ++r) {
      rows[r].emplace_back(prefix, items.size() == rows.size() ? cell_text(items[r]) : joined);
    }
    return;
  }
  if (value.type() == Value::Type::kArray && prefix != "proxies") {
    // Any other list of objects (the --compare ranking) is numbered: compare_1_method.
    for (size_t i = 0; i < value.items().size(); ++i) {
      flatten_into(value.items()[i], prefix + "_" + std::to_string(i + 1), rows);
    }
    return;
  }
  if (value.type() == Value::Type::kArray) {
    std::vector<Row> expanded;
    for (const Value& item : value.items()) {
      std::vector<Row> copy = rows;
      // Items of an array stand in for the array: their fields keep their own names.
      flatten_into(item, "", copy);
      expanded.insert(expanded.end(), copy.begin(), copy.end());
    }
    if (!expanded.empty()) rows.swap(expanded);
    return;
  }
  for (Row& row : rows) row.emplace_back(prefix, cell_text(value));
}

}  // namespace

std::vector<Row> flatten_rows(const Value& record) {
  std::vector<Row> rows(1);
  flatten_into(record, "", rows);
  return rows;
}

std::string csv_quote(const std::string& cell, char delimiter) {
  if (cell.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvReporter::quote(const std::string& cell) const {
  return csv_quote(cell, delimiter_);
}

void CsvReporter::write_row(const Row& cells) {
  if (header_ && !header_written_) {
    for (size_t i = 0; i < cells.size(); ++i) {
      out_ << (i ? std::string(1, delimiter_) : "") << quote(cells[i].first);
    }
    out_ << '\n';
    header_written_ = true;
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    out_ << (i ? std::string(1, delimiter_) : "") << quote(cells[i].second);
  }
  out_ << '\n';
}

void CsvReporter::write(const Value& record) {
  bool flat = true;
  for (const Field& field : record.fields()) {
    flat &= field.value.type() != Value::Type::kObject && field.value.type() != Value::Type::kArray;
  }
  if (!flat) {
    for (const Row& row : flatten_rows(record)) write_row(row);
    return;
  }
  // Flat records (matrix and batch rows, --series) go straight out: built in one line
  // buffer, without a string per cell, and written at once.
  if (header_ && !header_written_) {
    for (size_t i = 0; i < record.fields().size(); ++i) {
      out_ << (i ? std::string(1, delimiter_) : "") << quote(record.fields()[i].key);
    }
    out_ << '\n';
    header_written_ = true;
  }
  line_.clear();
  for (size_t i = 0; i < record.fields().size(); ++i) {
    if (i) line_ += delimiter_;
    append_cell(record.fields()[i].value);
  }
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

// cell_text(value), quoted, appended to the line: numbers and booleans need no quotes.
void CsvReporter::append_cell(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNumber: {
      char buffer[32];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.number_value());
      line_.append(buffer, result.ptr);
      return;
    }
    case Value::Type::kBoolean: line_ += value.boolean_value() ? "true" : "false"; return;
    case Value::Type::kString: {
      const std::string& text = value.string_value();
      const bool plain = text.find_first_of(quoted_) == std::string::npos;
      line_ += plain ? text : quote(text);
      return;
    }
    default: line_ += cell_text(value); return;
  }
}

}  // namespace hedgecalc
