#include "hedgecalc/pairs_file.hpp"

#include <algorithm>

#include "csv_fields.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"
#include "line_source.hpp"

namespace hedgecalc {

PairsFile read_pairs_file(std::string_view bytes, const std::string& file_label) {
  LineSource source(file_label, bytes);
  std::optional<SourceRecord> record;
  while ((record = source.next('\0')) && trim(record->text).empty()) {
  }
  if (!record) throw DataError(file_label + ": the pairs file is empty");
  const char delimiter = detect_delimiter(record->text);
  FieldSplitter splitter;
  if (splitter.split(record->text, delimiter) != SplitStatus::kOk) {
    throw DataError(location(file_label, record->line) + "cannot read the header");
  }
  std::optional<size_t> id_at, target_at, proxy_at, position_at;
  for (size_t i = 0; i < splitter.fields().size(); ++i) {
    const std::string_view name = trim(splitter.fields()[i]);
    if (iequals(name, "id")) id_at = i;
    if (iequals(name, "target")) target_at = i;
    if (iequals(name, "proxy")) proxy_at = i;
    if (iequals(name, "position")) position_at = i;
  }
  if (!target_at || !proxy_at) {
    throw DataError(location(file_label, record->line) +
                    "the header must name a target and a proxy column (and may name id), "
                    "e.g. \"id,target,proxy\"");
  }
  const size_t needed =
      std::max({*target_at, *proxy_at, id_at.value_or(0), position_at.value_or(0)}) + 1;
  PairsFile file;
  file.has_id = id_at.has_value();
  file.has_position = position_at.has_value();
  std::vector<PairRow>& rows = file.rows;
  // One reservation from the count of lines: growing by doubling would briefly hold
  // one and a half times the rows (a million pairs are 160 MB of rows).
  rows.reserve(source.remaining_line_count());
  while ((record = source.next(delimiter))) {
    if (trim(record->text).empty() || trim(record->text).front() == '#') continue;
    if (splitter.split(record->text, delimiter) != SplitStatus::kOk) {
      throw DataError(location(file_label, record->line) + "bad quoting in " +
                      quoted_excerpt(record->text));
    }
    const auto& f = splitter.fields();
    if (f.size() < needed) {
      throw DataError(location(file_label, record->line) + "row has " + std::to_string(f.size()) +
                      " fields; target and proxy need " + std::to_string(needed));
    }
    PairRow row{rows.size(), record->line, std::nullopt, std::string(trim(f[*target_at])),
                std::string(trim(f[*proxy_at])), std::nullopt};
    if (id_at) row.id = std::string(trim(f[*id_at]));
    if (position_at) row.position = std::string(trim(f[*position_at]));
    rows.push_back(std::move(row));
  }
  return file;
}

std::vector<PairRow> read_pairs(std::string_view bytes, const std::string& file_label) {
  return read_pairs_file(bytes, file_label).rows;
}

std::string pairs_folder(const std::string& pairs_path) {
  if (pairs_path == "-") return "";
  const size_t slash = pairs_path.rfind('/');
  return slash == std::string::npos ? "" : pairs_path.substr(0, slash + 1);
}

std::string resolve_path(const std::string& folder, const std::string& path) {
  if (path.empty() || path == "-" || path.front() == '/' || folder.empty()) return path;
  return folder + path;
}

}  // namespace hedgecalc
