#include "hedgecalc/timestamp.hpp"

#include <array>
#include <cstdio>
#include <cstring>

#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// A cursor over the text being parsed; every reader returns false on mismatch.
struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool done() const { return pos == text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool literal(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  // Exactly `count` digits.
  bool digits(size_t count, std::int64_t& value) {
    if (text.size() - pos < count) return false;
    value = 0;
    for (size_t i = 0; i < count; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
  }
  // Between min_count and max_count digits.
  bool digits_between(size_t min_count, size_t max_count, std::int64_t& value) {
    size_t count = 0;
    value = 0;
    while (count < max_count && pos + count < text.size() && text[pos + count] >= '0' &&
           text[pos + count] <= '9') {
      value = value * 10 + (text[pos + count] - '0');
      ++count;
    }
    if (count < min_count) return false;
    pos += count;
    return true;
  }
};

constexpr std::array<const char*, 12> kMonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};

bool month_name(Cursor& cursor, unsigned& month) {
  if (cursor.text.size() - cursor.pos < 3) return false;
  const std::string_view name = cursor.text.substr(cursor.pos, 3);
  for (unsigned i = 0; i < kMonthNames.size(); ++i) {
    if (iequals(name, kMonthNames[i])) {
      month = i + 1;
      cursor.pos += 3;
      return true;
    }
  }
  return false;
}

bool leap_year(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  return month == 2 && leap_year(year) ? 29 : kDays[month - 1];
}

// Years a timestamp can hold without overflowing int64 nanoseconds.
bool year_in_range(std::int64_t year) { return year >= 1678 && year <= 2261; }

struct ClockTime {
  std::int64_t hour = 0, minute = 0, second = 0, nanos = 0;
};

// HH:MM[:SS[.frac]]
bool clock_time(Cursor& cursor, ClockTime& clock) {
  if (!cursor.digits(2, clock.hour) || !cursor.literal(':') || !cursor.digits(2, clock.minute)) {
    return false;
  }
  if (cursor.literal(':')) {
    if (!cursor.digits(2, clock.second)) return false;
    if (cursor.literal('.')) {
      std::int64_t scale = 100'000'000;
      size_t count = 0;
      while (!cursor.done() && cursor.peek() >= '0' && cursor.peek() <= '9') {
        if (scale > 0) clock.nanos += (cursor.peek() - '0') * scale;
        scale /= 10;
        ++cursor.pos;
        ++count;
      }
      if (count == 0) return false;
    }
  }
  return clock.hour < 24 && clock.minute < 60 && clock.second < 60;
}

// Optional Z, " UTC", "UTC" or +HH:MM / -HH:MM / +HHMM; sets the offset east of UTC.
bool zone_suffix(Cursor& cursor, std::int64_t& offset_seconds) {
  offset_seconds = 0;
  if (cursor.done()) return true;
  if (cursor.literal('Z')) return cursor.done();
  Cursor probe = cursor;
  probe.literal(' ');
  if (iequals(probe.text.substr(probe.pos), "UTC")) {
    cursor.pos = cursor.text.size();
    return true;
  }
  const char sign = cursor.peek();
  if (sign != '+' && sign != '-') return false;
  ++cursor.pos;
  std::int64_t hours = 0, minutes = 0;
  if (!cursor.digits(2, hours)) return false;
  cursor.literal(':');
  if (!cursor.digits(2, minutes) || hours > 23 || minutes > 59) return false;
  offset_seconds = (hours * 3600 + minutes * 60) * (sign == '+' ? 1 : -1);
  return cursor.done();
}

std::optional<Timestamp> compose(std::int64_t year, unsigned month, unsigned day,
                                 const ClockTime& clock, std::int64_t offset_seconds) {
  if (!year_in_range(year) || !valid_date(year, month, day)) return std::nullopt;
  const std::int64_t seconds = days_from_civil(year, month, day) * 86'400 + clock.hour * 3600 +
                               clock.minute * 60 + clock.second - offset_seconds;
  return seconds * kNanosPerSecond + clock.nanos;
}

// The optional "[ T]HH:MM... zone" tail shared by the numeric date spellings.
std::optional<Timestamp> date_with_optional_time(Cursor& cursor, std::int64_t year, unsigned month,
                                                 unsigned day) {
  ClockTime clock;
  std::int64_t offset = 0;
  if (!cursor.done()) {
    if (cursor.peek() == ' ' || cursor.peek() == 'T') {
      Cursor after = cursor;
      ++after.pos;
      if (clock_time(after, clock)) {
        cursor = after;
      } else if (cursor.peek() == 'T') {
        return std::nullopt;
      }
    }
    if (!zone_suffix(cursor, offset)) return std::nullopt;
  }
  return compose(year, month, day, clock, offset);
}

std::optional<ParsedTimestamp> parse_epoch(std::string_view text) {
  DateStyle style;
  Timestamp scale;
  switch (text.size()) {
    case 10: style = DateStyle::kEpochSeconds, scale = kNanosPerSecond; break;
    case 13: style = DateStyle::kEpochMillis, scale = 1'000'000; break;
    case 16: style = DateStyle::kEpochMicros, scale = 1'000; break;
    case 19: style = DateStyle::kEpochNanos, scale = 1; break;
    default: return std::nullopt;
  }
  Timestamp value = 0;
  for (char c : text) {
    // 19 digits can exceed int64; the check keeps the multiply from overflowing.
    if (value > (INT64_MAX - 9) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > INT64_MAX / scale) return std::nullopt;
  return ParsedTimestamp{value * scale, style};
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The shapes nearly every file uses, "2024-01-31" and "2024-01-31 10:00:00" (or with
// 'T', and a final 'Z'), read at fixed offsets without a cursor. nullopt means "not
// handled here", never "not a date": anything else, or anything out of range, is left
// to the general parser, which decides and words the error.
bool fixed_iso_size(size_t size) { return size == 10 || size == 19 || size == 20; }

unsigned two_digits(const char* at, bool& ok) {
  const unsigned tens = static_cast<unsigned>(static_cast<unsigned char>(at[0]) - '0');
  const unsigned ones = static_cast<unsigned>(static_cast<unsigned char>(at[1]) - '0');
  ok &= tens < 10 && ones < 10;
  return tens * 10 + ones;
}

// The day number of the month's first day and the month's length, for "YYYY-MM-" (the
// text's first eight bytes).
struct FixedIsoMonth {
  std::int64_t first_day;
  unsigned days;
};

std::optional<FixedIsoMonth> fixed_iso_month(const char* text) {
  bool ok = text[4] == '-' && text[7] == '-';
  const std::int64_t year = two_digits(text, ok) * 100 + two_digits(text + 2, ok);
  const unsigned month = two_digits(text + 5, ok);
  if (!ok || !year_in_range(year) || month < 1 || month > 12) return std::nullopt;
  return FixedIsoMonth{days_from_civil(year, month, 1), days_in_month(year, month)};
}

// The day number of day "DD" (text[8], text[9]) of a month: days_from_civil is linear in
// the day.
std::optional<std::int64_t> fixed_iso_day(const FixedIsoMonth& month, const char* text) {
  bool ok = true;
  const unsigned day = two_digits(text + 8, ok);
  if (!ok || day < 1 || day > month.days) return std::nullopt;
  return month.first_day + day - 1;
}

// Eight bytes as one word, the first in the lowest byte.
std::uint64_t little_endian_word(const char* at) {
  std::uint64_t word = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  std::memcpy(&word, at, sizeof word);
#else
  for (int i = 7; i >= 0; --i) word = word << 8 | static_cast<unsigned char>(at[i]);
#endif
  return word;
}

// The seconds into the day of the rest of a fixed shape: nothing, " 10:00:00", "T10:00:00"
// or either with a final 'Z'. "HH:MM:SS" is checked and read as one word: every row of
// an intraday file has one.
inline std::optional<std::int64_t> fixed_iso_clock(std::string_view text) {
  if (text.size() == 10) return 0;
  if ((text[10] != ' ' && text[10] != 'T') || (text.size() == 20 && text[19] != 'Z')) {
    return std::nullopt;
  }
  // Less "00:00:00" byte by byte: a digit becomes 0..9 (and nothing else does), ':' 0.
  const std::uint64_t v = little_endian_word(&text[11]) ^ 0x3030'3a30'303a'3030ULL;
  constexpr std::uint64_t kHighBits = 0x8080'8080'8080'8080ULL;
  const bool digits = ((v | (v + 0x7676'7676'7676'7676ULL)) & kHighBits) == 0;  // each < 10
  const bool colons = (v & 0x0000'ff00'00ff'0000ULL) == 0;
  auto byte = [v](int i) { return static_cast<std::int64_t>((v >> (8 * i)) & 0xff); };
  const std::int64_t hour = byte(0) * 10 + byte(1), minute = byte(3) * 10 + byte(4),
                     second = byte(6) * 10 + byte(7);
  if (!digits || !colons || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return hour * 3600 + minute * 60 + second;
}

std::optional<ParsedTimestamp> parse_fixed_iso(std::string_view text) {
  if (!fixed_iso_size(text.size())) return std::nullopt;
  const auto month = fixed_iso_month(text.data());
  const auto day = month ? fixed_iso_day(*month, text.data()) : std::nullopt;
  const auto clock = day ? fixed_iso_clock(text) : std::nullopt;
  if (!clock) return std::nullopt;
  return ParsedTimestamp{(*day * 86'400 + *clock) * kNanosPerSecond, DateStyle::kIsoDash};
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  // Count from 0000-03-01 so that the leap day ends each 4/100/400-year cycle.
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146'097 + day_of_era - 719'468;
}

bool valid_date(std::int64_t year, unsigned month, unsigned day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<ParsedTimestamp> parse_timestamp(std::string_view text) {
  if (auto fixed = parse_fixed_iso(text)) return fixed;
  text = trim(text);
  if (all_digits(text) && text.size() != 8) return parse_epoch(text);

  Cursor cursor{text};
  std::int64_t year = 0, month = 0, day = 0;

  // DD-Mon-YY / DD-Mon-YYYY
  if (text.size() >= 3 && (text[1] == '-' || text[2] == '-')) {
    unsigned month_number = 0;
    if (!cursor.digits_between(1, 2, day) || !cursor.literal('-') ||
        !month_name(cursor, month_number) || !cursor.literal('-')) {
      return std::nullopt;
    }
    const size_t year_digits = text.size() - cursor.pos;
    if (year_digits != 2 && year_digits != 4) return std::nullopt;
    if (!cursor.digits(year_digits, year)) return std::nullopt;
    if (year_digits == 2) year += year < 70 ? 2000 : 1900;
    auto time = compose(year, month_number, static_cast<unsigned>(day), {}, 0);
    if (!time) return std::nullopt;
    return ParsedTimestamp{*time, DateStyle::kMonthName};
  }

  if (!cursor.digits(4, year)) return std::nullopt;
  DateStyle style = DateStyle::kCompact;
  if (cursor.literal('-')) {
    style = DateStyle::kIsoDash;
  } else if (cursor.literal('/')) {
    style = DateStyle::kIsoSlash;
  }
  const char separator = style == DateStyle::kIsoDash ? '-' : '/';
  if (!cursor.digits(2, month)) return std::nullopt;
  if (style != DateStyle::kCompact && !cursor.literal(separator)) return std::nullopt;
  if (!cursor.digits(2, day)) return std::nullopt;
  auto time = date_with_optional_time(cursor, year, static_cast<unsigned>(month),
                                      static_cast<unsigned>(day));
  if (!time) return std::nullopt;
  return ParsedTimestamp{*time, style};
}

bool FixedIsoReader::read(std::string_view text, Timestamp& time) {
  if (!fixed_iso_size(text.size())) return false;
  // "YYYY-MM-" compared as one word (memcmp would be a call per row).
  std::uint64_t head;
  std::memcpy(&head, text.data(), sizeof head);
  if (!remembered_ || head != month_head_) {
    const auto month = fixed_iso_month(text.data());
    if (!month) return false;
    month_head_ = head, month_first_day_ = month->first_day, month_days_ = month->days;
    remembered_ = true;
  }
  const auto day = fixed_iso_day({month_first_day_, month_days_}, text.data());
  const auto clock = day ? fixed_iso_clock(text) : std::nullopt;
  if (!clock) return false;
  time = (*day * 86'400 + *clock) * kNanosPerSecond;
  return true;
}

DateFormat::DateFormat(std::string_view format) : text_(format) {
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size()) throw UsageError("--date-format ends with a lone %");
    const char directive = format[++i];
    if (std::string_view("YymdbHMS%").find(directive) == std::string_view::npos) {
      throw UsageError(std::string("--date-format: unknown directive %") + directive +
                       " (known: %Y %y %m %d %b %H %M %S %%)");
    }
  }
}

std::optional<Timestamp> DateFormat::parse(std::string_view text) const {
  text = trim(text);
  Cursor cursor{text};
  std::int64_t year = 1970, month = 1, day = 1, value = 0;
  ClockTime clock;
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] != '%') {
      if (!cursor.literal(text_[i])) return std::nullopt;
      continue;
    }
    switch (text_[++i]) {
      case 'Y': if (!cursor.digits(4, year)) return std::nullopt; break;
      case 'y':
        if (!cursor.digits(2, value)) return std::nullopt;
        year = value + (value < 70 ? 2000 : 1900);
        break;
      case 'm': if (!cursor.digits_between(1, 2, month)) return std::nullopt; break;
      case 'd': if (!cursor.digits_between(1, 2, day)) return std::nullopt; break;
      case 'b': {
        unsigned number = 0;
        if (!month_name(cursor, number)) return std::nullopt;
        month = number;
        break;
      }
      case 'H': if (!cursor.digits_between(1, 2, clock.hour)) return std::nullopt; break;
      case 'M': if (!cursor.digits_between(1, 2, clock.minute)) return std::nullopt; break;
      case 'S': if (!cursor.digits_between(1, 2, clock.second)) return std::nullopt; break;
      default: if (!cursor.literal('%')) return std::nullopt; break;
    }
  }
  if (!cursor.done() || clock.hour > 23 || clock.minute > 59 || clock.second > 59) {
    return std::nullopt;
  }
  return compose(year, static_cast<unsigned>(month), static_cast<unsigned>(day), clock, 0);
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t shifted = days + 719'468;
  const std::int64_t era = (shifted >= 0 ? shifted : shifted - 146'096) / 146'097;
  const std::int64_t day_of_era = shifted - era * 146'097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  const auto day = static_cast<unsigned>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(month_index < 10 ? month_index + 3 : month_index - 9);
  return {year_of_era + era * 400 + (month <= 2), month, day};
}

std::optional<Timestamp> parse_duration(std::string_view text) {
  text = trim(text);
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 12) return std::nullopt;
  Timestamp count = 0;
  for (size_t i = 0; i < digits; ++i) count = count * 10 + (text[i] - '0');
  const std::string_view unit = text.substr(digits);
  Timestamp scale;
  if (unit == "ms") {
    scale = 1'000'000;
  } else if (unit == "s") {
    scale = kNanosPerSecond;
  } else if (unit == "m") {
    scale = 60 * kNanosPerSecond;
  } else if (unit == "h") {
    scale = 3600 * kNanosPerSecond;
  } else if (unit == "d") {
    scale = kNanosPerDay;
  } else if (unit == "w") {
    scale = 7 * kNanosPerDay;
  } else {
    return std::nullopt;
  }
  if (count > INT64_MAX / scale) return std::nullopt;
  return count * scale;
}

namespace {

// value as `width` decimal digits, with leading zeros.
void put_digits(char* at, std::int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

std::string format_timestamp(Timestamp time, bool date_only) {
  // Floor division so that times before 1970 land on the right day.
  std::int64_t days = time / kNanosPerDay;
  std::int64_t within = time % kNanosPerDay;
  if (within < 0) within += kNanosPerDay, --days;
  const CivilDate date = civil_from_days(days);
  // Digits written by hand: a --series of millions of rows formats a date in each. Years
  // have four digits: nanoseconds in 64 bits span 1677 to 2262.
  char buffer[32];
  put_digits(buffer, date.year, 4);
  put_digits(buffer + 5, date.month, 2);
  put_digits(buffer + 8, date.day, 2);
  buffer[4] = '-', buffer[7] = '-';
  if (date_only) return std::string(buffer, 10);
  const std::int64_t seconds = within / kNanosPerSecond;
  put_digits(buffer + 11, seconds / 3600, 2);
  put_digits(buffer + 14, seconds / 60 % 60, 2);
  put_digits(buffer + 17, seconds % 60, 2);
  buffer[10] = 'T', buffer[13] = ':', buffer[16] = ':';
  size_t length = 19;
  if (const std::int64_t nanos = within % kNanosPerSecond) {
    buffer[19] = '.';
    put_digits(buffer + 20, nanos, 9);
    length = 29;
    while (buffer[length - 1] == '0') --length;
  }
  buffer[length++] = 'Z';
  return std::string(buffer, length);
}

std::string format_for_message(Timestamp time) {
  return format_timestamp(time, time % kNanosPerDay == 0);
}

bool all_midnight(const std::vector<Timestamp>& times) {
  for (Timestamp time : times) {
    if (time % kNanosPerDay != 0) return false;
  }
  return true;
}

std::string why_not_a_date(std::string_view text) {
  text = trim(text);
  // A date's shape (YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD) with a year outside the range is a
  // real date hedgecalc cannot hold, not a misspelling.
  const bool dated = text.size() >= 8 && all_digits(text.substr(0, 4)) &&
                     (text[4] == '-' || text[4] == '/' || (text.size() == 8 && all_digits(text)));
  if (dated) {
    const std::int64_t year = std::stoll(std::string(text.substr(0, 4)));
    if (!year_in_range(year)) {
      return "outside the dates hedgecalc can hold (years 1678 to 2261: nanoseconds since "
             "1970 in 64 bits)";
    }
  }
  return std::string("not a date (") + accepted_date_spellings() + ")";
}

const char* accepted_date_spellings() {
  return "YYYY-MM-DD[ HH:MM[:SS]], YYYY/MM/DD, YYYYMMDD, DD-Mon-YY, or Unix epoch "
         "s/ms/us/ns; use --date-format for others";
}

}  // namespace hedgecalc
