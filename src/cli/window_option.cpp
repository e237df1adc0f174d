#include "window_option.hpp"

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

}  // namespace hedgecalc
