#include "hedgecalc/line_source.hpp"

// csv.h uses std::numeric_limits without including <limits>.
#include <limits>
// clang-format off
#include <libfccp/csv.h>
// clang-format on

#include <cstring>

#include "hedgecalc/csv_fields.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

void reject_nul_bytes(const std::string& file_label, std::string_view bytes) {
  const void* nul = std::memchr(bytes.data(), '\0', bytes.size());
  if (nul == nullptr) return;
  const size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') ++line, line_start = i + 1;
  }
  throw DataError(location(file_label, line) + "column " + std::to_string(offset - line_start + 1) +
                  ": NUL byte: this is not a text CSV file");
}

}  // namespace

LineSource::LineSource(std::string file_label, std::string_view bytes)
    : file_label_(std::move(file_label)) {
  reject_nul_bytes(file_label_, bytes);
  reader_ = std::make_unique<io::LineReader>(file_label_, bytes.data(), bytes.data() + bytes.size());
}

LineSource::~LineSource() = default;

std::optional<SourceRecord> LineSource::next(char delimiter) {
  try {
    char* line = reader_->next_line();
    if (line == nullptr) return std::nullopt;
    const size_t first_line = reader_->get_file_line();
    std::string_view text(line);
    if (delimiter == '\0' || !ends_inside_quotes(text, delimiter)) {
      return SourceRecord{text, first_line};
    }
    // Rare: a quoted field holds a line break. Copy, since LineReader reuses its buffer.
    joined_.assign(text);
    while (ends_inside_quotes(joined_, delimiter)) {
      char* more = reader_->next_line();
      if (more == nullptr) {
        throw DataError(location(file_label_, first_line) +
                        "unterminated quote: a quoted field runs to the end of the file");
      }
      joined_ += '\n';
      joined_ += more;
    }
    return SourceRecord{joined_, first_line};
  } catch (const io::error::line_length_limit_exceeded&) {
    throw DataError(location(file_label_, reader_->get_file_line()) +
                    "line longer than 16 MiB: this is not a price CSV file");
  }
}

}  // namespace hedgecalc
