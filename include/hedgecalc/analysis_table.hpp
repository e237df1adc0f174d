#pragma once
// The table format of one analysis: for people at an 80-column terminal, saying in
// words what the numbers mean. Rendered from the typed analysis, one function a section.

#include <ostream>

#include "hedgecalc/analysis.hpp"

namespace hedgecalc {

/// Writes the analysis as a labelled block, numbers to `precision` significant digits.
void write_analysis_table(std::ostream& out, const Analysis& analysis, int precision);

}  // namespace hedgecalc
