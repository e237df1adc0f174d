#include "series_order.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

template <typename T>
void apply_permutation(std::vector<T>& values, const std::vector<size_t>& order) {
  std::vector<T> sorted;
  sorted.reserve(values.size());
  for (size_t index : order) sorted.push_back(values[index]);
  values.swap(sorted);
}

}  // namespace

void sort_by_time(PriceSeries& series) {
  const auto& time = series.time;
  // Nearly every file is in order without repeats: one look, and nothing to move.
  if (std::adjacent_find(time.begin(), time.end(), std::greater_equal<>()) == time.end()) return;
  if (!std::is_sorted(time.begin(), time.end())) {
    std::vector<size_t> order(time.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return time[a] < time[b]; });
    apply_permutation(series.time, order);
    apply_permutation(series.price, order);
    apply_permutation(series.line, order);
  }

  size_t kept = 0;
  for (size_t i = 0; i < series.size(); ++i) {
    if (kept > 0 && series.time[i] == series.time[kept - 1]) {
      if (series.price[i] == series.price[kept - 1]) continue;
      const bool date_only = series.time[i] % kNanosPerDay == 0;
      throw DataError(location(series.file, series.line[i]) + "column " +
                      quoted_excerpt(series.column, 40) + ": " +
                      format_timestamp(series.time[i], date_only) +
                      " appears twice with different prices (line " +
                      std::to_string(series.line[kept - 1]) + ": " +
                      shortest_decimal(series.price[kept - 1]) + ", line " +
                      std::to_string(series.line[i]) + ": " + shortest_decimal(series.price[i]) + ")");
    }
    series.time[kept] = series.time[i];
    series.price[kept] = series.price[i];
    series.line[kept] = series.line[i];
    ++kept;
  }
  series.time.resize(kept);
  series.price.resize(kept);
  series.line.resize(kept);
}

}  // namespace hedgecalc
