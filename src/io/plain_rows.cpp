#include "plain_rows.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace hedgecalc {
namespace {

bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// Clinger's fast path for a plain decimal (digits, optionally '.' and digits) of at most
// 15 digits: the mantissa and the power of ten are exact doubles, so their quotient is
// rounded once, to the value from_chars gives. Returns where the number ends, or nullptr
// for any other spelling (from_chars then decides).
const char* read_plain_decimal(const char* p, const char* end, double& value) {
  static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  constexpr std::ptrdiff_t kMostDigits = 15;  // 10^15 < 2^53: an exact mantissa
  const char* const start = p;
  std::uint64_t mantissa = 0;
  for (; p != end && is_digit(*p); ++p) mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  if (p == start) return nullptr;
  std::ptrdiff_t decimals = 0;
  if (p != end && *p == '.') {
    const char* const point = p++;
    for (; p != end && is_digit(*p); ++p) mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
    decimals = p - point - 1;
    if (decimals == 0) return nullptr;
  }
  if (p - start - (decimals > 0 ? 1 : 0) > kMostDigits) return nullptr;
  value = static_cast<double>(mantissa) / kPowersOfTen[decimals];
  return p;
}

}  // namespace

bool read_plain_price(std::string_view cell, double& value) {
  if (cell.empty() || !is_digit(cell[0])) return false;
  const auto [end, error] =
      std::from_chars(cell.data(), cell.data() + cell.size(), value, std::chars_format::general);
  return error == std::errc() && end == cell.data() + cell.size() && std::isfinite(value);
}

PlainRows::PlainRows(char delimiter, size_t fields, size_t date_index,
                     const std::vector<size_t>& price_indices)
    : delimiter_(delimiter), roles_(fields, kSkip) {
  // A delimiter that can stand inside a date or a number would be read as part of it.
  usable_ = delimiter == ',' || delimiter == ';' || delimiter == '\t' || delimiter == '|';
  roles_[date_index] = kDate;
  for (size_t slot = 0; slot < price_indices.size(); ++slot) {
    // A column asked for twice would need two slots: such rows take the general path.
    usable_ &= roles_[price_indices[slot]] == kSkip;
    roles_[price_indices[slot]] = static_cast<int>(slot);
  }
}

bool PlainRows::ends_cell(const char* p, const char* end) const {
  return p == end || *p == delimiter_ || *p == '\n' || *p == '\r';
}

// A fixed ISO date's cell is 10, 19 or 20 bytes long: its length, or 0. Shortest first:
// the byte after a shorter shape's end is never a cell's end in a longer one.
size_t PlainRows::date_length(const char* p, const char* end) const {
  const auto left = static_cast<size_t>(end - p);
  for (const size_t length : {size_t{10}, size_t{19}, size_t{20}}) {
    if (length <= left && ends_cell(p + length, end)) return length;
  }
  return 0;
}

size_t PlainRows::read(std::string_view text, Timestamp& time, double* prices) {
  const char* p = text.data();
  const char* const end = p + text.size();
  // Blank lines and comments (after any spaces) are skipped by the general path.
  if (!usable_ || p == end || *p == '#' || *p == ' ' || *p == '\t') return 0;
  for (size_t field = 0; field < roles_.size(); ++field) {
    if (field > 0) {
      if (p == end || *p != delimiter_) return 0;  // fewer fields, or a line end
      ++p;
    }
    const int role = roles_[field];
    if (role == kDate) {
      // The reader checks every byte of the cell, so no delimiter or quote hides in it.
      const size_t length = date_length(p, end);
      if (length == 0 || !dates_.read({p, length}, time)) return 0;
      p += length;
      continue;
    }
    if (role >= 0 && ends_cell(p, end)) {
      prices[role] = kMissing;  // an empty cell: no price on this row
      continue;
    }
    if (role >= 0) {
      const char* const number_end = read_plain_decimal(p, end, prices[role]);
      if (number_end && ends_cell(number_end, end)) {
        p = number_end;
        continue;
      }
    }
    // A skipped cell, or a price of another spelling: to the cell's end. A quote may
    // hide a delimiter or a line end: the general path reads such a row.
    const char* const start = p;
    for (; !ends_cell(p, end); ++p) {
      if (*p == '"') return 0;
    }
    if (role >= 0 && !read_plain_price({start, static_cast<size_t>(p - start)}, prices[role])) return 0;
  }
  // The line ends as LineSource ends it: LF, CRLF, or the end of the bytes (after an
  // optional CR).
  if (p != end && *p == '\r') ++p;
  if (p == end) return text.size();
  if (*p != '\n') return 0;
  return static_cast<size_t>(p + 1 - text.data());
}

}  // namespace hedgecalc
