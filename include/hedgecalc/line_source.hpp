#pragma once
// Yields the records of a CSV held in memory, with their line numbers. Lines come
// from fast-cpp-csv-parser's LineReader (BOM skipped, CRLF handled); a quoted field
// that spans lines is joined here, and NUL bytes are rejected up front because
// LineReader's C strings would silently cut a line at them.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace io {
class LineReader;
}

namespace hedgecalc {

/// One logical CSV record.
struct SourceRecord {
  std::string_view text;  ///< valid until the next call to next()
  size_t line;            ///< 1-based line where the record starts
};

/// Reads records from a byte buffer that must outlive it.
class LineSource {
 public:
  /// Throws DataError naming file, line and column if bytes hold a NUL byte.
  LineSource(std::string file_label, std::string_view bytes);
  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  /// The next record, joining lines while a quoted field is open; nullopt at the end.
  /// Pass the delimiter once known ('\0' reads plain lines, as for a header).
  std::optional<SourceRecord> next(char delimiter);

 private:
  std::string file_label_;
  std::unique_ptr<io::LineReader> reader_;
  std::string joined_;
};

}  // namespace hedgecalc
