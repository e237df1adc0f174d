#include "line_source.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "csv_fields.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

void reject_nul_bytes(const std::string& file_label, std::string_view bytes, size_t lines_before) {
  const void* nul = std::memchr(bytes.data(), '\0', bytes.size());
  if (nul == nullptr) return;
  const size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
  size_t line = lines_before + 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') ++line, line_start = i + 1;
  }
  throw DataError(location(file_label, line) + "column " + std::to_string(offset - line_start + 1) +
                  ": NUL byte: this is not a text CSV file");
}

}  // namespace

LineSource::LineSource(std::string file_label, std::string_view bytes, size_t lines_before)
    : file_label_(std::move(file_label)), bytes_(bytes), line_(lines_before) {
  reject_nul_bytes(file_label_, bytes_, lines_before);
  if (lines_before == 0 && bytes_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
}

size_t LineSource::remaining_line_count() const {
  // Eight bytes at a time (a memchr per line made this a call per row): each byte of
  // `found` is 1 where the word has a line end, and the bytes are summed before any can
  // pass 255.
  constexpr std::uint64_t kLow7 = 0x7f7f'7f7f'7f7f'7f7fULL, kNewlines = 0x0a0a'0a0a'0a0a'0a0aULL;
  const std::string_view left = rest();
  const char* p = left.data();
  size_t words = left.size() / 8, count = 0;
  while (words > 0) {
    std::uint64_t found = 0;
    for (size_t block = std::min<size_t>(words, 255); block > 0; --block, --words, p += 8) {
      std::uint64_t word;
      std::memcpy(&word, p, sizeof word);
      const std::uint64_t x = word ^ kNewlines;  // a zero byte where the line ends are
      found += ~(((x & kLow7) + kLow7) | x | kLow7) >> 7;
    }
    constexpr std::uint64_t kEvenBytes = 0x00ff'00ff'00ff'00ffULL;
    const std::uint64_t pairs = (found & kEvenBytes) + (found >> 8 & kEvenBytes);  // 16-bit sums
    count += (pairs * 0x0001'0001'0001'0001ULL) >> 48;
  }
  count += static_cast<size_t>(std::count(p, left.data() + left.size(), '\n'));
  return count + 1;
}

void LineSource::skip(size_t bytes, size_t lines) {
  position_ += bytes;
  line_ += lines;
  release_if_due();
}

void LineSource::release_if_due() {
  if (release_ && position_ - released_ >= kReleaseStep) {
    released_ = position_;
    release_(position_);
  }
}

std::string_view LineSource::next_line() {
  const char* begin = bytes_.data() + position_;
  const size_t left = bytes_.size() - position_;
  const void* newline = std::memchr(begin, '\n', left);
  size_t length = newline ? static_cast<size_t>(static_cast<const char*>(newline) - begin) : left;
  position_ += newline ? length + 1 : length;
  ++line_;
  if (length > 0 && begin[length - 1] == '\r') --length;
  return {begin, length};
}

std::optional<SourceRecord> LineSource::next(char delimiter) {
  release_if_due();
  if (position_ >= bytes_.size()) return std::nullopt;
  const std::string_view text = next_line();
  const size_t first_line = line_;
  // Only a line with a quote can open a field that runs on.
  if (delimiter == '\0' || std::memchr(text.data(), '"', text.size()) == nullptr ||
      !ends_inside_quotes(text, delimiter)) {
    return SourceRecord{text, first_line};
  }
  joined_.assign(text);
  while (ends_inside_quotes(joined_, delimiter)) {
    if (position_ >= bytes_.size()) {
      throw DataError(location(file_label_, first_line) +
                      "unterminated quote: a quoted field runs to the end of the file");
    }
    joined_ += '\n';
    joined_ += next_line();
  }
  return SourceRecord{joined_, first_line};
}

}  // namespace hedgecalc
