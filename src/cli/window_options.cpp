#include "hedgecalc/window_options.hpp"

#include <cmath>
#include <string>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

void add_window_options(CLI::App& app, SingleOptions& options) {
  app.add_option("--window", options.window,
                 "Rolling window: W returns, or a duration such as 30d, 12h, 2w (the returns in "
                 "(t - DURATION, t]): rolling ratio, correlation, effectiveness");
  app.add_flag("--expanding", options.expanding,
               "Rolling values over every return up to each date (instead of --window)");
  app.add_option("--min-obs", options.min_obs,
                 "Returns a window (or --ewma) must hold for a value (default: W, else 3)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40));
}

RollingWindow window_from(const SingleOptions& options) {
  if (options.expanding && !options.window.empty()) {
    throw UsageError("give --window or --expanding, not both");
  }
  RollingWindow window;
  if (!options.window.empty()) window = parse_window(options.window);
  if (options.expanding) {
    window.expanding = true;
    window.text = "expanding";
  }
  window.min_obs = options.min_obs;
  if (options.min_obs > 0 && !window.active() && std::isnan(options.ewma) &&
      std::isnan(options.halflife)) {
    throw UsageError("--min-obs applies to a rolling window or --ewma: add one");
  }
  if (window.count > 0 && window.min_obs > window.count) {
    throw UsageError("--min-obs " + std::to_string(window.min_obs) + " is more than the " +
                     std::to_string(window.count) + " returns of --window");
  }
  return window;
}

}  // namespace hedgecalc
