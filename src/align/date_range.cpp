#include "hedgecalc/date_range.hpp"

#include <algorithm>

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

Timestamp parse_bound(const std::string& text, const char* option) {
  const auto parsed = parse_timestamp(text);
  if (!parsed) {
    throw UsageError(std::string(option) + " " + text + ": not a date (" +
                     accepted_date_spellings() + ")");
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

void restrict_to_range(PriceSeries& series, const DateRange& range) {
  const auto begin = range.from ? std::lower_bound(series.time.begin(), series.time.end(),
                                                   *range.from)
                                : series.time.begin();
  const auto end = range.until
                       ? std::lower_bound(series.time.begin(), series.time.end(), *range.until)
                       : series.time.end();
  const auto first = static_cast<size_t>(begin - series.time.begin());
  const auto last = static_cast<size_t>(end - series.time.begin());
  auto keep = [&](auto& values) {
    values.erase(values.begin() + static_cast<std::ptrdiff_t>(last), values.end());
    values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(first));
  };
  keep(series.time);
  keep(series.price);
  keep(series.line);
}

}  // namespace hedgecalc
