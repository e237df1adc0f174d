#pragma once
// When a model held out of sample is fitted again (--rebalance, --compare): at the first
// rebalancing date, then at each one by which the returns before it have grown by a
// quarter since the last fit. A fit costs passes over every return before it, so a fit
// at every date would cost the square of the sample; growing by a quarter keeps the
// whole backtest within about five fits on all the returns, while estimates move by a
// fraction of their standard error.

#include <cstddef>

namespace hedgecalc {

/// Says at which rebalancing dates to fit again.
class RefitSchedule {
 public:
  /// True when the model must be fitted on the returns before t0 (and notes that it was).
  bool due(size_t t0) {
    if (fitted_ > 0 && static_cast<double>(t0) < kGrowth * static_cast<double>(fitted_)) return false;
    fitted_ = t0;
    return true;
  }

 private:
  static constexpr double kGrowth = 1.25;
  size_t fitted_ = 0;
};

}  // namespace hedgecalc
