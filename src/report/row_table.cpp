#include "hedgecalc/row_table.hpp"

#include <algorithm>

#include "number_format.hpp"

namespace hedgecalc {

std::vector<std::string> RowTable::cells(const Value& row) const {
  std::vector<std::string> line;
  for (const Field& field : row.fields()) {
    const Value& v = field.value;
    const bool number = v.type() == Value::Type::kNumber || v.type() == Value::Type::kInteger;
    const double x = v.type() == Value::Type::kInteger ? static_cast<double>(v.integer_value())
                     : number                          ? v.number_value()
                                                       : 0.0;
    line.push_back(v.type() == Value::Type::kString ? v.string_value()
                   : number                         ? format_significant(x, precision_)
                                                    : "");
  }
  return line;
}

void RowTable::measure(const Value& row) {
  if (header_.empty()) {
    for (const Field& field : row.fields()) {
      header_.push_back(field.key);
      widths_.push_back(field.key.size());
      // Text (dates, names) left, numbers right, as the first row has them.
      left_.push_back(field.value.type() == Value::Type::kString);
    }
  }
  const std::vector<std::string> line = cells(row);
  for (size_t c = 0; c < line.size() && c < widths_.size(); ++c) {
    widths_[c] = std::max(widths_[c], line[c].size());
  }
}

void RowTable::print_line(const std::vector<std::string>& line) {
  std::string text;
  for (size_t c = 0; c < line.size() && c < widths_.size(); ++c) {
    if (c > 0) text += "  ";
    const size_t padding = widths_[c] - std::min(widths_[c], line[c].size());
    text += left_[c] ? line[c] + std::string(padding, ' ') : std::string(padding, ' ') + line[c];
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  out_ << text << '\n';
}

void RowTable::print(const Value& row) {
  if (!header_printed_) {
    print_line(header_);
    header_printed_ = true;
  }
  print_line(cells(row));
}

}  // namespace hedgecalc
