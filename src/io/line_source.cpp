#include "line_source.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "csv_fields.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

// What one pass over the bytes finds: how many line ends, and whether any byte is NUL.
struct ByteCensus {
  size_t newlines = 0;
  bool has_nul = false;
};

// Eight bytes at a time (a memchr per line made the count a call per row). For each
// word, a byte of `ends` is 1 where the word has a line end and a byte of `nuls` has its
// high bit set where it has a NUL; the ends are summed before any byte can pass 255.
// A million-row file is read once for both, not once each.
ByteCensus take_census(std::string_view bytes) {
  constexpr std::uint64_t kLow7 = 0x7f7f'7f7f'7f7f'7f7fULL, kNewlines = 0x0a0a'0a0a'0a0a'0a0aULL;
  // High bit of each byte of the result: that byte of x is zero (exact, no carries).
  const auto zero_bytes = [&](std::uint64_t x) { return ~(((x & kLow7) + kLow7) | x | kLow7); };
  ByteCensus census;
  const char* p = bytes.data();
  size_t words = bytes.size() / 8;
  std::uint64_t nuls = 0;
  while (words > 0) {
    std::uint64_t ends = 0;
    for (size_t block = std::min<size_t>(words, 255); block > 0; --block, --words, p += 8) {
      std::uint64_t word;
      std::memcpy(&word, p, sizeof word);
      ends += zero_bytes(word ^ kNewlines) >> 7;
      nuls |= zero_bytes(word);
    }
    constexpr std::uint64_t kEvenBytes = 0x00ff'00ff'00ff'00ffULL;
    const std::uint64_t pairs = (ends & kEvenBytes) + (ends >> 8 & kEvenBytes);  // 16-bit sums
    census.newlines += (pairs * 0x0001'0001'0001'0001ULL) >> 48;
  }
  const std::string_view tail(p, static_cast<size_t>(bytes.data() + bytes.size() - p));
  census.newlines += static_cast<size_t>(std::count(tail.begin(), tail.end(), '\n'));
  census.has_nul = nuls != 0 || tail.find('\0') != std::string_view::npos;
  return census;
}

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
    : file_label_(std::move(file_label)),
      bytes_(bytes),
      line_(lines_before),
      first_line_(lines_before) {
  const ByteCensus census = take_census(bytes_);
  if (census.has_nul) reject_nul_bytes(file_label_, bytes_, lines_before);
  newlines_ = census.newlines;
  if (lines_before == 0 && bytes_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
}

size_t LineSource::remaining_line_count() const {
  // Every line read so far ended in a newline, but a last line without one; and when
  // that last line has been read, nothing is left.
  if (position_ >= bytes_.size()) return 1;
  return newlines_ - (line_ - first_line_) + 1;
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
