#include "hedgecalc/batch_resume.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "hedgecalc/csv_fields.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// Reads the JSON string starting at text[i] (a '"'); i ends past its closing quote.
// Escapes other than \" and \\ are kept as written: only equality with our own
// labels matters, and those are written the same way each time.
std::optional<std::string> json_string(std::string_view text, size_t& i) {
  std::string out;
  for (++i; i < text.size(); ++i) {
    if (text[i] == '"') {
      ++i;
      return out;
    }
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      if (next != '"' && next != '\\') out += '\\';
      out += next;
      continue;
    }
    out += text[i];
  }
  return std::nullopt;
}

// The string values of an object's top-level fields, from one compact JSON line.
std::optional<std::map<std::string, std::string>> top_level_strings(std::string_view line) {
  std::map<std::string, std::string> fields;
  size_t i = 0;
  int depth = 0;
  std::optional<std::string> key;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '"') {
      auto text = json_string(line, i);
      if (!text) return std::nullopt;
      if (depth == 1 && !key && i < line.size() && line[i] == ':') {
        key = std::move(*text);
        ++i;
        continue;
      }
      if (depth == 1 && key) fields[*key] = std::move(*text);
      key.reset();
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (depth == 1 && c == ',') key.reset();
    ++i;
  }
  if (depth != 0) return std::nullopt;
  return fields;
}

}  // namespace

std::vector<DoneRow> read_done_rows(std::string_view bytes, const std::string& file_label,
                                    OutputFormat format, bool header,
                                    const std::vector<std::string>& columns) {
  if (format != OutputFormat::kCsv && format != OutputFormat::kTsv &&
      format != OutputFormat::kNdjson) {
    throw UsageError("--resume reads csv, tsv or ndjson output: add --format csv, tsv or ndjson");
  }
  // Only whole lines count: a run killed without warning can leave a row cut short.
  const size_t whole = bytes.rfind('\n');
  bytes = whole == std::string_view::npos ? std::string_view() : bytes.substr(0, whole + 1);

  std::vector<DoneRow> rows;
  size_t line = 0;
  auto bad = [&](const std::string& what) {
    return DataError(location(file_label, line) + what +
                     " (is it the output of this batch, "
                     "with the same --format, --no-header and options?)");
  };
  if (format == OutputFormat::kNdjson) {
    size_t start = 0;
    while (start < bytes.size()) {
      const size_t end = bytes.find('\n', start);
      const std::string_view text = bytes.substr(start, end - start);
      start = end + 1;
      ++line;
      if (trim(text).empty()) continue;
      const auto fields = top_level_strings(text);
      if (!fields || !fields->count("target") || !fields->count("status")) {
        throw bad("not a batch row: " + quoted_excerpt(text));
      }
      const auto id = fields->find("id");
      rows.push_back({line, id == fields->end() ? "" : id->second, fields->at("target"),
                      fields->at("status")});
    }
    return rows;
  }

  const char delimiter = format == OutputFormat::kTsv ? '\t' : ',';
  const auto position = [&](const char* name) {
    return static_cast<size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
  };
  const size_t id_at = position("id"), target_at = position("target"),
               status_at = position("status");
  FieldSplitter splitter;
  size_t offset = 0;
  bool header_seen = !header;
  while (offset < bytes.size()) {
    const size_t end = bytes.find('\n', offset);
    std::string_view text = bytes.substr(offset, end - offset);
    offset = end + 1;
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) continue;
    if (splitter.split(text, delimiter) != SplitStatus::kOk)
      throw bad("cannot read " + quoted_excerpt(text));
    const auto& fields = splitter.fields();
    if (!header_seen) {
      header_seen = true;
      if (fields.size() != columns.size() ||
          !std::equal(fields.begin(), fields.end(), columns.begin())) {
        throw bad("the header differs from this batch's columns");
      }
      continue;
    }
    if (fields.size() != columns.size()) {
      throw bad("row has " + std::to_string(fields.size()) + " fields, this batch writes " +
                std::to_string(columns.size()));
    }
    rows.push_back({line, id_at < fields.size() ? std::string(fields[id_at]) : "",
                    std::string(fields[target_at]), std::string(fields[status_at])});
  }
  return rows;
}

}  // namespace hedgecalc
