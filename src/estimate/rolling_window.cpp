#include "hedgecalc/rolling_window.hpp"

#include <cstdint>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

RollingWindow parse_window(const std::string& text) {
  RollingWindow window;
  window.text = text;
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos &&
      text.size() < 13) {
    window.count = std::stoul(text);
    if (window.count < 2) {
      throw UsageError("--window " + text + ": a window needs at least 2 returns");
    }
    return window;
  }
  const auto span = parse_duration(text);
  if (!span) {
    throw UsageError("--window " + text +
                     ": expected a number of returns (60) or a duration (30d, 12h, 2w)");
  }
  if (*span <= 0) throw UsageError("--window " + text + ": a time window must be longer than 0");
  window.span = *span;
  return window;
}

std::vector<size_t> window_starts(const std::vector<Timestamp>& times,
                                  const RollingWindow& window) {
  const size_t n = times.size();
  std::vector<size_t> start(n, 0);
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
