#pragma once
// A HedgeAnalysis as the record SPEC.md's output fields describe.

#include <string>
#include <vector>

#include "hedgecalc/hedge_analysis.hpp"
#include "hedgecalc/record.hpp"
#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// The fields of one analysis in SPEC.md order; labels are target then proxies.
Value analysis_record(const HedgeAnalysis& analysis, const std::vector<std::string>& labels,
                      ReturnKind kind);

}  // namespace hedgecalc
