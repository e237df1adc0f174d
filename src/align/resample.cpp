#include "hedgecalc/resample.hpp"

#include "hedgecalc/error.hpp"

namespace hedgecalc {

Timestamp period_end(Timestamp time, Frequency frequency) {
  std::int64_t days = time / kNanosPerDay;
  if (time % kNanosPerDay < 0) --days;
  switch (frequency) {
    case Frequency::kAsIs: return time;
    case Frequency::kDaily: break;
    case Frequency::kWeekly: {
      // 1970-01-01 was a Thursday; ISO weeks run Monday (0) to Sunday (6).
      const std::int64_t weekday = ((days + 3) % 7 + 7) % 7;
      days += 6 - weekday;
      break;
    }
    case Frequency::kMonthly: {
      const CivilDate date = civil_from_days(days);
      days = date.month == 12 ? days_from_civil(date.year + 1, 1, 1) - 1
                              : days_from_civil(date.year, date.month + 1, 1) - 1;
      break;
    }
  }
  return days * kNanosPerDay;
}

void resample_last(PriceSeries& series, Frequency frequency) {
  if (frequency == Frequency::kAsIs) return;
  size_t kept = 0;
  for (size_t i = 0; i < series.size(); ++i) {
    const Timestamp label = period_end(series.time[i], frequency);
    // A later row of the same period replaces the kept one: the last observation wins.
    const size_t at = kept > 0 && series.time[kept - 1] == label ? kept - 1 : kept++;
    series.time[at] = label;
    series.price[at] = series.price[i];
    series.line[at] = series.line[i];
  }
  series.time.resize(kept);
  series.price.resize(kept);
  series.line.resize(kept);
}

}  // namespace hedgecalc
