#pragma once
// `hedgecalc batch --resume FILE`: the rows an earlier, interrupted run of the same
// batch already wrote, so that only the missing pairs run again.

#include <string>
#include <string_view>
#include <vector>

#include "hedgecalc/reporter.hpp"

namespace hedgecalc {

/// The identifying cells of one row written before.
struct DoneRow {
  size_t line;  ///< where it is in FILE, for messages
  std::string id, target, status;
};

/// Reads the rows of an earlier batch output in format (csv, tsv or ndjson; a header
/// when `header`, with the columns named in `columns`). Throws UsageError for other
/// formats, DataError naming FILE and the size to cut it to when its last row is cut
/// short (no final newline), and DataError naming FILE and line when the text is not
/// such an output.
std::vector<DoneRow> read_done_rows(std::string_view bytes, const std::string& file_label,
                                    OutputFormat format, bool header,
                                    const std::vector<std::string>& columns);

}  // namespace hedgecalc
