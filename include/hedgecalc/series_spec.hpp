#pragma once
// A command-line series argument: PATH[:COLUMN].

#include <optional>
#include <string>

#include "hedgecalc/file_system.hpp"

namespace hedgecalc {

/// A series as the user named it.
struct SeriesSpec {
  std::string path;                   ///< file path, or "-" for standard input
  std::optional<std::string> column;  ///< header name or 1-based number, if given
  std::string reading;                ///< the series' own reading options ("decimal=comma@...")
};

/// Splits PATH[:COLUMN][@OPTION=VALUE...]: an argument that names an existing file is
/// all PATH; otherwise the reading options come off first (see split_reading_suffix),
/// then the text after the last ':' is the COLUMN.
SeriesSpec parse_series_spec(const std::string& argument, const FileSystem& files);

}  // namespace hedgecalc
