#include "hedgecalc/rolling_window.hpp"

#include <cstdint>

#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {

std::vector<size_t> window_starts(const std::vector<Timestamp>& times,
                                  const RollingWindow& window) {
  const size_t n = times.size();
  std::vector<size_t> start = huge_vector<size_t>(n, 0);
  if (window.expanding) return start;
  size_t first = 0;
  for (size_t t = 0; t < n; ++t) {
    if (window.count > 0) {
      start[t] = t + 1 >= window.count ? t + 1 - window.count : 0;
      continue;
    }
    // (t - span, t], as pandas rolling("30D"): a return exactly span old is out. The
    // distance is taken unsigned: times are sorted, and a span near the int64 limit
    // must not overflow the subtraction.
    const auto span = static_cast<std::uint64_t>(window.span);
    while (static_cast<std::uint64_t>(times[t]) - static_cast<std::uint64_t>(times[first]) >= span) {
      ++first;
    }
    start[t] = first;
  }
  return start;
}

}  // namespace hedgecalc
