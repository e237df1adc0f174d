#pragma once
// --plot FILE.svg: the rolling and/or EWMA hedge ratio against time with the
// full-sample ratio, and the correlation beneath it. Plain SVG, no dependencies.

#include <string>

#include "hedgecalc/analysis.hpp"

namespace hedgecalc {

/// An SVG document of the analysis' time-varying estimates (needs a rolling or EWMA
/// view). Long series are drawn from the mean of each of ~1,200 time buckets.
std::string render_plot(const Analysis& analysis);

/// --plot-kind value: what 1 held unhedged, hedged and hedged net of cost grew to over
/// the backtest's dates (needs a backtest).
std::string render_value_plot(const Analysis& analysis);

/// text with &, <, >, " escaped for XML.
std::string xml_escape(const std::string& text);

/// "Nice" tick positions (steps of 1, 2 or 5 times a power of ten) covering [low, high].
std::vector<double> nice_ticks(double low, double high, int target_count);

}  // namespace hedgecalc
