#pragma once
// Monitoring a hedge: the aligned returns split into a history, on which the hedge
// regression is estimated, and the returns after it, each of which moves the sequential
// test of monitor.hpp. What `hedgecalc monitor` reports.

#include <optional>
#include <vector>

#include "hedgecalc/monitor.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// Where the history ends (one of the two) and the test.
struct MonitorOptions {
  MonitorSettings settings;
  std::optional<Timestamp> history_to;  ///< the last return of the history is at or before it
  std::optional<size_t> history_n;      ///< the first N returns
};

/// The test over the returns after the history.
struct Monitoring {
  MonitorSettings settings;
  double critical_value = 0;
  Timestamp history_from = 0, history_to = 0;
  size_t history_n = 0;
  std::vector<double> history_hedge_ratios;  ///< one per proxy
  size_t monitored_n = 0;
  std::optional<Timestamp> monitored_to;     ///< none before the first monitored return
  double statistic = 0;                      ///< the largest |process| so far
  std::optional<size_t> alarm_index;         ///< counted from 1 at the history's first return
  std::optional<Timestamp> alarm_date;
  bool horizon_passed = false;               ///< monitored past period x history
  std::vector<double> hedge_ratios_since;    ///< OLS over the monitored returns (NaN: < 3)
  std::vector<MonitorStep> steps;            ///< one per monitored return
  std::vector<Timestamp> step_times;
};

/// The smallest history for `coefficients` coefficients: 2 (k + 1) returns with k proxies.
size_t smallest_history(size_t coefficients);

/// Monitors returns.values[0] (the target) on the proxies, with settings checked at the
/// command line (critical_value is monitor_critical_value's). Throws DataError when the
/// history ends outside the returns or is too short (naming the numbers).
Monitoring monitor_hedge(const ReturnSeries& returns, const MonitorOptions& options,
                         double critical_value);

}  // namespace hedgecalc
