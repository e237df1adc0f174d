#pragma once
// Timestamps are int64 nanoseconds since 1970-01-01T00:00:00Z (UTC), which covers
// 1677..2262 and keeps the nanosecond epochs docs/hedgecalc.md accepts exact.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hedgecalc {

using Timestamp = std::int64_t;

constexpr Timestamp kNanosPerSecond = 1'000'000'000;
constexpr Timestamp kNanosPerDay = 86'400 * kNanosPerSecond;

/// Which spelling a date used; a column mixing two of them is rejected.
enum class DateStyle {
  kIsoDash,      // 2024-01-31[ 10:00[:00[.5]]][Z|+01:00| UTC]
  kIsoSlash,     // 2024/01/31 ...
  kCompact,      // 20240131 ...
  kMonthName,    // 31-Jan-24, 31-Jan-2024
  kEpochSeconds,
  kEpochMillis,
  kEpochMicros,
  kEpochNanos,
  kCustom,       // --date-format
};

/// A user's strptime-style format (%Y %y %m %d %b %H %M %S %%), compiled once.
class DateFormat {
 public:
  /// Compiles the format; throws UsageError on an unknown directive.
  explicit DateFormat(std::string_view format);
  /// Parses text that must match the whole format; nullopt if it does not.
  std::optional<Timestamp> parse(std::string_view text) const;
  /// The format as the user wrote it.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

/// A parsed timestamp and the spelling it came in.
struct ParsedTimestamp {
  Timestamp time;
  DateStyle style;
};

/// Parses one of the contract's date spellings; nullopt when the text is none of them.
std::optional<ParsedTimestamp> parse_timestamp(std::string_view text);

/// parse_timestamp's fixed ISO shapes ("2024-01-31", "2024-01-31 10:00:00", with 'T' or a
/// final 'Z') read as it reads them, keeping the last date's month: a file's rows share a
/// few months, so most rows read only their day and time of day.
class FixedIsoReader {
 public:
  /// Sets time and returns true, or returns false for any other text (parse_timestamp
  /// then decides). (Not an optional: returned through memory, its flag byte and value
  /// were read back as one word, a stalled load on every row.)
  bool read(std::string_view text, Timestamp& time);

 private:
  std::uint64_t month_head_ = 0;     // the remembered "YYYY-MM-" as one word
  std::int64_t month_first_day_ = 0; // the day number of its first day
  unsigned month_days_ = 0;
  bool remembered_ = false;
};

/// Days since 1970-01-01 of a proleptic Gregorian date (no range checks).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

/// A proleptic Gregorian calendar date.
struct CivilDate {
  std::int64_t year;
  unsigned month, day;
};

/// The date of a day number (the inverse of days_from_civil).
CivilDate civil_from_days(std::int64_t days);

/// A duration such as 90s, 15m, 2h, 3d or 1w (also ms) in nanoseconds; nullopt if
/// the text is not one.
std::optional<Timestamp> parse_duration(std::string_view text);

/// True when year-month-day names a real calendar day.
bool valid_date(std::int64_t year, unsigned month, unsigned day);

/// ISO 8601: "2024-01-31" when date_only, else "2024-01-31T10:00:00Z" (with a
/// fraction when the time has one).
std::string format_timestamp(Timestamp time, bool date_only);

/// A time for a message: a date alone at a UTC midnight, else the full timestamp.
std::string format_for_message(Timestamp time);

/// True when every timestamp falls on a UTC midnight.
bool all_midnight(const std::vector<Timestamp>& times);

/// Why parse_timestamp refused text, for error messages: "outside the dates hedgecalc can
/// hold (...)" for a date-shaped text whose year is out of range, else "not a date (the
/// accepted spellings)".
std::string why_not_a_date(std::string_view text);

/// A short description of the accepted spellings, for error messages.
const char* accepted_date_spellings();

}  // namespace hedgecalc
