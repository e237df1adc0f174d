#pragma once
// json (indented, one object per analysis) and ndjson (one compact object per line).

#include <ostream>
#include <string>
#include <string_view>

#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// Writes each record as a JSON object.
class JsonReporter : public Reporter {
 public:
  JsonReporter(std::ostream& out, bool compact) : out_(out), compact_(compact) {}
  void write(const Value& record) override;
  /// json: one array with a compact object per line; ndjson: one object per line.
  void write_rows(const std::vector<Value>& rows) override;

 private:
  void write_value(const Value& value, int depth);
  void newline(int depth);
  std::ostream& out_;
  bool compact_;
};

/// A JSON array written an element at a time, a compact element per line, as the json
/// format prints rows: "[\n  {...},\n  {...}\n]\n", or "[]\n" with none.
class JsonArrayWriter {
 public:
  explicit JsonArrayWriter(std::ostream& out) : out_(out) {}
  /// Writes one element.
  void write(const Value& element);
  /// Closes the array.
  void finish();

 private:
  std::ostream& out_;
  bool started_ = false;
};

/// value as one line of compact JSON, without a newline.
std::string compact_json(const Value& value);

/// text as a JSON string literal; invalid UTF-8 bytes become U+FFFD.
std::string json_quote(std::string_view text);

}  // namespace hedgecalc
