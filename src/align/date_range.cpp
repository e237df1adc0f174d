#include "hedgecalc/date_range.hpp"

#include <algorithm>

namespace hedgecalc {

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
