#include "streaming_window.hpp"

#include <cstdint>
#include <limits>

namespace hedgecalc {

// The first return of the window ending at return `index`, as window_starts has it.
size_t StreamingWindow::start_of(size_t index, Timestamp time) {
  if (window_.expanding) return 0;
  if (window_.count > 0) return index + 1 >= window_.count ? index + 1 - window_.count : 0;
  // (time - span, time]; the distance is taken unsigned, as window_starts does.
  const auto span = static_cast<std::uint64_t>(window_.span);
  size_t first = start_;
  for (size_t i = 0; i < times_.size() &&
                     static_cast<std::uint64_t>(time) - static_cast<std::uint64_t>(times_[i]) >= span;
       ++i) {
    ++first;
  }
  return first;
}

double StreamingWindow::push(Timestamp time, double x, double y) {
  const size_t index = seen_++;
  if (window_.span > 0) times_.push_back(time);
  // An expanding window never starts again, so its rows are never read back.
  if (!window_.expanding || index == 0) rows_.emplace_back(x, y);
  back_.add(x, y);
  const size_t start = start_of(index, time);
  // Forget what no later window reaches: windows only move forward.
  for (; start_ < start; ++start_) {
    if (!suffix_.empty()) suffix_.pop_front();
    if (!times_.empty()) times_.pop_front();
  }
  if (start >= middle_) {
    // The front part is used up: the rows since middle become the new front, with their
    // suffix moments summed from the last row back, as rolling_hedge_over does.
    suffix_.assign(index + 1 - start, WindowMoments());
    WindowMoments running;
    for (size_t i = index + 1; i-- > start;) {
      const auto& [row_x, row_y] = rows_[i - middle_];
      running.add(row_x, row_y);
      suffix_[i - start] = running;
    }
    rows_.clear();
    middle_ = index + 1;
    back_ = WindowMoments();
  }
  const WindowMoments window = WindowMoments::merge(suffix_.front(), back_);
  if (window.n < static_cast<double>(window_.required()) || !(window.sxx > 0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return window.sxy / window.sxx;
}

}  // namespace hedgecalc
