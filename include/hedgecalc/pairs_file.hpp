#pragma once
// The PAIRS file of `hedgecalc batch`: a CSV whose header holds target and proxy
// (any case) and optionally id and position.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hedgecalc {

/// One row of PAIRS.
struct PairRow {
  size_t index;  ///< 0-based data row number (what --shard counts)
  size_t line;   ///< line in the file, for messages
  std::optional<std::string> id;
  std::string target, proxy;  ///< PATH[:COLUMN] as written
  std::optional<std::string> position;  ///< the position column's cell, when PAIRS has one
};

/// The rows of PAIRS, and whether its header has an id column (a file without rows
/// still prints its header).
struct PairsFile {
  std::vector<PairRow> rows;
  bool has_id = false;
  bool has_position = false;  ///< a `position` column: proxy units held, per pair
};

/// Parses PAIRS; throws DataError naming file and line when the header lacks target
/// or proxy, or a row is short of fields.
PairsFile read_pairs_file(std::string_view bytes, const std::string& file_label);

/// The rows of read_pairs_file.
std::vector<PairRow> read_pairs(std::string_view bytes, const std::string& file_label);

/// The folder relative paths in PAIRS are resolved from ("" for the current one).
std::string pairs_folder(const std::string& pairs_path);

/// path resolved against folder unless it is absolute or "-".
std::string resolve_path(const std::string& folder, const std::string& path);

}  // namespace hedgecalc
