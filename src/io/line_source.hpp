#pragma once
// Yields the records of a CSV held in memory, with their line numbers, without
// copying the bytes: LF or CRLF line ends, a UTF-8 byte-order mark skipped, and a
// quoted field that spans lines joined into one record.
//
// (fast-cpp-csv-parser's LineReader was used first; it copies every byte through a
// fixed 48 MiB buffer and ends lines with NUL, which put the loader far above its
// memory budget and would cut a line at an embedded NUL byte.)

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hedgecalc {

/// One logical CSV record.
struct SourceRecord {
  std::string_view text;  ///< without the line end; valid until the next call to next()
  size_t line;            ///< 1-based line where the record starts
};

/// Reads records from a byte buffer that must outlive it.
class LineSource {
 public:
  /// Throws DataError naming file, line and column if bytes hold a NUL byte.
  /// lines_before: lines of the file before these bytes (a growing file read in pieces:
  /// line numbers and the NUL message count from the file's start, and only its first
  /// piece may start with a byte-order mark).
  LineSource(std::string file_label, std::string_view bytes, size_t lines_before = 0);

  /// The next record, joining lines while a quoted field is open; nullopt at the end.
  /// Pass the delimiter once known ('\0' reads plain lines, as for a header).
  std::optional<SourceRecord> next(char delimiter);

  /// Number of line ends in the bytes not read yet (a bound on the records left).
  size_t remaining_line_count() const;

  /// The bytes not read yet: a reader that takes whole lines from them itself says so
  /// with skip().
  std::string_view rest() const { return bytes_.substr(position_); }
  /// Lines read so far (the next line's number less one).
  size_t lines_read() const { return line_; }
  /// Moves past `bytes` of rest(), `lines` whole lines that hold no quote.
  void skip(size_t bytes, size_t lines);

  /// Calls release(offset) every kReleaseStep bytes read, with the offset where the next
  /// record starts: every record before it has been handed out and used.
  void release_behind(std::function<void(size_t)> release) { release_ = std::move(release); }

  /// How often release_behind's function is called.
  static constexpr size_t kReleaseStep = size_t{64} << 20;

 private:
  std::string_view next_line();
  void release_if_due();

  std::string file_label_;
  std::string_view bytes_;
  size_t position_ = 0;
  size_t line_ = 0;
  size_t first_line_ = 0;  // lines_before: line_ at the start
  size_t newlines_ = 0;    // line ends in all of bytes_, counted at the start
  std::string joined_;
  std::function<void(size_t)> release_;
  size_t released_ = 0;
};

}  // namespace hedgecalc
