#include "date_range_option.hpp"

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

Timestamp parse_bound(const std::string& text, const char* option) {
  const auto parsed = parse_timestamp(text);
  if (!parsed) {
    throw UsageError(std::string(option) + " " + text + ": " + why_not_a_date(text));
  }
  return parsed->time;
}

}  // namespace

DateRange parse_date_range(const std::string& from, const std::string& to) {
  DateRange range;
  if (!from.empty()) range.from = parse_bound(from, "--from");
  if (!to.empty()) {
    const Timestamp end = parse_bound(to, "--to");
    const bool whole_day = to.find(':') == std::string::npos && end % kNanosPerDay == 0;
    range.until = end + (whole_day ? kNanosPerDay : 1);
  }
  if (range.from && range.until && *range.from >= *range.until) {
    throw UsageError("--from " + from + " is after --to " + to);
  }
  return range;
}

}  // namespace hedgecalc
