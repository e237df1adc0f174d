#pragma once
// Monitoring a hedge: the aligned returns split into a history, on which the hedge
// regression is estimated, and the returns after it, each of which moves the sequential
// test of monitor.hpp. What `hedgecalc monitor` reports.

#include <optional>
#include <vector>

#include "hedgecalc/hedge_watch.hpp"
#include "hedgecalc/monitor.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

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
  // One entry per monitored return, kept column by column (a million returns cost 40
  // bytes each for the test); the columns besides it only when asked for.
  std::vector<MonitorStep> steps;
  std::vector<Timestamp> step_times;
  std::vector<double> window_ratios, ewma_ratios, kalman_ratios;
  std::vector<std::optional<Trade>> trades;

  /// Monitored return i as the watch gave it.
  WatchEvent event(size_t i) const;
};

/// The smallest history for `coefficients` coefficients: 2 (k + 1) returns with k proxies.
size_t smallest_history(size_t coefficients);

/// Monitors returns.values[0] (the target) on the proxies, with options checked at the
/// command line; proxy_prices[t] is the first proxy's price at return t (empty where the
/// files hold returns: the sizing's price is then given). Throws DataError when the
/// history ends outside the returns or is too short (naming the numbers).
Monitoring monitor_hedge(const ReturnSeries& returns, const WatchOptions& options,
                         const std::vector<double>& proxy_prices);

/// The test alone (critical_value is monitor_critical_value's).
Monitoring monitor_hedge(const ReturnSeries& returns, const MonitorOptions& options,
                         double critical_value);

}  // namespace hedgecalc
