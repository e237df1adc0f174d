#pragma once
// The rolling ratio fed one return at a time (monitor's --window, as returns arrive):
// rolling_hedge_over's two-part queue of Welford moments, keeping only what a later
// window can still need, so that memory is bounded by the window and not by the returns
// seen.

#include <deque>
#include <utility>

#include "hedgecalc/rolling_window.hpp"
#include "hedgecalc/timestamp.hpp"
#include "window_moments.hpp"

namespace hedgecalc {

/// Rolling OLS of target on proxy over a count, time-span or expanding window.
class StreamingWindow {
 public:
  explicit StreamingWindow(const RollingWindow& window) : window_(window) {}

  /// Takes the return ending at time (proxy x, target y; times in order) and returns the
  /// ratio of the window ending with it: NaN until the window holds window.required()
  /// returns, or while the proxy has not varied in it.
  double push(Timestamp time, double x, double y);

 private:
  size_t start_of(size_t index, Timestamp time);

  RollingWindow window_;
  size_t seen_ = 0;    // returns pushed
  size_t start_ = 0;   // the first return of the last window
  size_t middle_ = 0;  // the window is [start, middle) from suffix_, [middle, last] from back_
  std::deque<Timestamp> times_;                  // returns [start_, seen_) (time windows)
  std::deque<std::pair<double, double>> rows_;   // returns [middle_, seen_)
  std::deque<WindowMoments> suffix_;             // moments of [i, middle_) for i in [start_, middle_)
  WindowMoments back_;                           // moments of [middle_, seen_)
};

}  // namespace hedgecalc
