#pragma once
// --window's text: a count of returns or a duration.

#include <string>

#include "hedgecalc/rolling_window.hpp"

namespace hedgecalc {

/// Parses --window: a whole number of returns, or a duration such as 30d, 12h, 2w.
/// Throws UsageError for 0, 0d, or text that is neither.
RollingWindow parse_window(const std::string& text);

}  // namespace hedgecalc
