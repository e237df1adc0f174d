#pragma once
// What --window, --expanding and --min-obs ask for (the contract "More time-varying
// estimators"), and the first return of each date's window.

#include <cstddef>
#include <string>
#include <vector>

#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// One of: the last W returns, the returns in (t - DURATION, t], or every return up to t.
struct RollingWindow {
  size_t count = 0;    ///< --window W (0: not a count window)
  Timestamp span = 0;  ///< --window DURATION in nanoseconds (0: not a time window)
  bool expanding = false;
  size_t min_obs = 0;  ///< --min-obs; 0: the default (W for a count window, else 3)
  std::string text;    ///< as reported: "60", "30d" or "expanding"

  /// True when a rolling view was asked for.
  bool active() const { return count > 0 || span > 0 || expanding; }
  /// The returns a window must hold for a value.
  size_t required() const { return min_obs > 0 ? min_obs : count > 0 ? count : 3; }
};

/// start[t]: the first return of date t's window (times in order).
std::vector<size_t> window_starts(const std::vector<Timestamp>& times, const RollingWindow& window);

}  // namespace hedgecalc
