#include "hedgecalc/json_reporter.hpp"

#include <cstdio>
#include <sstream>

#include "hedgecalc/text.hpp"
#include "number_format.hpp"

namespace hedgecalc {

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (byte == '"' || byte == '\\') {
      out += '\\';
      out += static_cast<char>(byte);
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\t') {
      out += "\\t";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
      out += buffer;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out + "\"";
}

std::string compact_json(const Value& value) {
  std::ostringstream out;
  JsonReporter(out, /*compact=*/true).write(value);
  std::string text = out.str();
  text.pop_back();  // the newline write() ends a record with
  return text;
}

void JsonReporter::write(const Value& record) {
  write_value(record, 0);
  out_ << '\n';
}

void JsonReporter::write_rows(const std::vector<Value>& rows) {
  if (compact_) {
    for (const Value& row : rows) write(row);
    return;
  }
  // Compact rows keep a long series readable and greppable.
  JsonArrayWriter array(out_);
  for (const Value& row : rows) array.write(row);
  array.finish();
}

void JsonArrayWriter::write(const Value& element) {
  out_ << (started_ ? ",\n  " : "[\n  ") << compact_json(element);
  started_ = true;
}

void JsonArrayWriter::finish() { out_ << (started_ ? "\n]\n" : "[]\n"); }

void JsonReporter::newline(int depth) {
  if (compact_) return;
  out_ << '\n' << std::string(static_cast<size_t>(depth) * 2, ' ');
}

void JsonReporter::write_value(const Value& value, int depth) {
  switch (value.type()) {
    case Value::Type::kNull: out_ << "null"; return;
    case Value::Type::kNumber: out_ << format_number(value.number_value()); return;
    case Value::Type::kInteger: out_ << value.integer_value(); return;
    case Value::Type::kString: out_ << json_quote(value.string_value()); return;
    case Value::Type::kBoolean: out_ << (value.boolean_value() ? "true" : "false"); return;
    case Value::Type::kObject: {
      out_ << '{';
      bool first = true;
      for (const Field& field : value.fields()) {
        if (!first) out_ << ',';
        first = false;
        newline(depth + 1);
        out_ << json_quote(field.key) << (compact_ ? ":" : ": ");
        write_value(field.value, depth + 1);
      }
      if (!value.fields().empty()) newline(depth);
      out_ << '}';
      return;
    }
    case Value::Type::kArray: {
      out_ << '[';
      bool first = true;
      for (const Value& item : value.items()) {
        if (!first) out_ << ',';
        first = false;
        newline(depth + 1);
        write_value(item, depth + 1);
      }
      if (!value.items().empty()) newline(depth);
      out_ << ']';
      return;
    }
  }
}

}  // namespace hedgecalc
