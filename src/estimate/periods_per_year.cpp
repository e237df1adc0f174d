#include "periods_per_year.hpp"

#include <algorithm>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"

namespace hedgecalc {
namespace {

template <typename T>
T median_of(std::vector<T> values) {
  const size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(middle), values.end());
  T upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const T lower = *std::max_element(values.begin(), values.begin() + static_cast<long>(middle));
  return lower + (upper - lower) / 2;
}

bool on_weekend(Timestamp t) {
  const Timestamp day = t >= 0 ? t / kNanosPerDay : (t - kNanosPerDay + 1) / kNanosPerDay;
  const Timestamp weekday = ((day % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3)
  return weekday >= 5;
}

}  // namespace

double infer_periods_per_year(const std::vector<Timestamp>& times) {
  if (times.size() < 2)
    throw DataError(flag_for(Setting::kPeriodsPerYear) + " auto needs at least two dates");
  std::vector<Timestamp> gaps;
  gaps.reserve(times.size() - 1);
  for (size_t i = 1; i < times.size(); ++i) gaps.push_back(times[i] - times[i - 1]);
  const Timestamp gap = median_of(gaps);
  if (gap >= 25 * kNanosPerDay) return 12;
  if (gap >= 5 * kNanosPerDay) return 52;
  const bool every_day = std::any_of(times.begin(), times.end(), on_weekend);
  const double days = every_day ? 365 : 252;
  if (gap >= kNanosPerDay * 2 / 3) return days;
  // Intraday: the median count of rows per UTC day that has any.
  std::vector<size_t> per_day;
  Timestamp current = times.front() / kNanosPerDay;
  size_t count = 0;
  for (Timestamp t : times) {
    const Timestamp day = t / kNanosPerDay;
    if (day != current) {
      per_day.push_back(count);
      current = day;
      count = 0;
    }
    ++count;
  }
  per_day.push_back(count);
  return days * static_cast<double>(median_of(per_day));
}

}  // namespace hedgecalc
