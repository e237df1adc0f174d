#include "hedgecalc/batch_resume.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "csv_fields.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// The string value of a top-level field of a batch row ("" when absent or not a string).
std::string string_field(const nlohmann::json& row, const char* key) {
  const auto found = row.find(key);
  return found != row.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A DataError for line `line` of the file, with the likely cause.
DataError not_this_batch(const std::string& file_label, size_t line, const std::string& what) {
  return DataError(location(file_label, line) + what +
                   " (is it the output of this batch, with the same --format, --no-header and options?)");
}

std::vector<DoneRow> ndjson_rows(std::string_view bytes, const std::string& file_label) {
  std::vector<DoneRow> rows;
  size_t line = 0;
  for (size_t start = 0; start < bytes.size();) {
    const size_t end = bytes.find('\n', start);
    const std::string_view text = bytes.substr(start, end - start);
    start = end + 1;
    ++line;
    if (trim(text).empty()) continue;
    const nlohmann::json row = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!row.is_object() || !row.contains("target") || !row["target"].is_string() ||
        !row.contains("status") || !row["status"].is_string()) {
      throw not_this_batch(file_label, line, "not a batch row: " + quoted_excerpt(text));
    }
    rows.push_back({line, string_field(row, "id"), string_field(row, "target"),
                    string_field(row, "status")});
  }
  return rows;
}

std::vector<DoneRow> delimited_rows(std::string_view bytes, const std::string& file_label,
                                    char delimiter, bool header,
                                    const std::vector<std::string>& columns) {
  const auto position = [&](const char* name) {
    return static_cast<size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
  };
  const size_t id_at = position("id"), target_at = position("target"), status_at = position("status");
  std::vector<DoneRow> rows;
  FieldSplitter splitter;
  size_t line = 0;
  bool header_seen = !header;
  for (size_t offset = 0; offset < bytes.size();) {
    const size_t end = bytes.find('\n', offset);
    std::string_view text = bytes.substr(offset, end - offset);
    offset = end + 1;
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) continue;
    if (splitter.split(text, delimiter) != SplitStatus::kOk) {
      throw not_this_batch(file_label, line, "cannot read " + quoted_excerpt(text));
    }
    const auto& fields = splitter.fields();
    if (!header_seen) {
      header_seen = true;
      if (!std::equal(fields.begin(), fields.end(), columns.begin(), columns.end())) {
        throw not_this_batch(file_label, line, "the header differs from this batch's columns");
      }
      continue;
    }
    if (fields.size() != columns.size()) {
      throw not_this_batch(file_label, line, "row has " + std::to_string(fields.size()) +
                                                 " fields, this batch writes " +
                                                 std::to_string(columns.size()));
    }
    rows.push_back({line, id_at < fields.size() ? std::string(fields[id_at]) : "",
                    std::string(fields[target_at]), std::string(fields[status_at])});
  }
  return rows;
}

}  // namespace

std::vector<DoneRow> read_done_rows(std::string_view bytes, const std::string& file_label,
                                    OutputFormat format, bool header,
                                    const std::vector<std::string>& columns) {
  if (format != OutputFormat::kCsv && format != OutputFormat::kTsv &&
      format != OutputFormat::kNdjson) {
    throw UsageError("--resume reads csv, tsv or ndjson output: add --format csv, tsv or ndjson");
  }
  // A run killed without warning can leave a row cut short. Dropping it here would let
  // `--resume FILE >> FILE` glue the re-run row onto the fragment, so the user cuts it.
  if (!bytes.empty() && bytes.back() != '\n') {
    const size_t whole = bytes.rfind('\n');
    const size_t keep = whole == std::string_view::npos ? 0 : whole + 1;
    throw DataError(file_label + ": the last row is cut short (no newline ends it), as a killed "
                    "run leaves it; cut the file to its " + std::to_string(keep) +
                    " bytes of whole rows (truncate -s " + std::to_string(keep) + " " +
                    file_label + ") and resume again");
  }
  if (format == OutputFormat::kNdjson) return ndjson_rows(bytes, file_label);
  return delimited_rows(bytes, file_label, format == OutputFormat::kTsv ? '\t' : ',', header, columns);
}

}  // namespace hedgecalc
