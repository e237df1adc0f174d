#pragma once
// --min-correlation / --min-effectiveness: alarms for monitoring jobs (exit 3).

#include <optional>
#include <string>
#include <vector>

#include "hedgecalc/analysis.hpp"

namespace hedgecalc {

/// The thresholds a run must meet.
struct Thresholds {
  std::optional<double> min_correlation;
  std::optional<double> min_effectiveness;
  std::optional<double> max_break_p;  ///< --max-break-p: alarm when supf_p is below it
  std::optional<double> max_coint_p;  ///< --max-coint-p: alarm when the Engle-Granger p is above it
};

/// One message per threshold not met, judged on the latest rolling value with
/// --window, else on the full-sample value. An undefined value does not meet a
/// threshold: a monitor cannot confirm the hedge still works.
std::vector<std::string> unmet_thresholds(const Analysis& analysis, const Thresholds& thresholds);

}  // namespace hedgecalc
