#pragma once
// A one-line picture of a series with the eight Unicode block heights.

#include <string>
#include <vector>

namespace hedgecalc {

/// values squeezed into at most width characters (each the mean of its stretch),
/// scaled from their min (lowest block) to their max (full block); a stretch with
/// no defined value is a space. UTF-8.
std::string sparkline(const std::vector<double>& values, size_t width);

}  // namespace hedgecalc
