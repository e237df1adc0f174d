#pragma once
// An Analysis as the records the contract's output fields describe.

#include <vector>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/record.hpp"

namespace hedgecalc {

/// The summary of one analysis, fields in docs/hedgecalc.md order, with "rolling", "ewma" and
/// "backtest" objects when those were estimated.
Value analysis_record(const Analysis& analysis);

/// What turns a per-period vol of this analysis into a yearly one: sqrt(periods a year /
/// K) for K-period returns (NaN without periods_per_year).
double annualising_factor(const Analysis& analysis);

/// The flattened field names of every record with these sections (csv columns, in
/// order): a batch's columns, known before any pair runs.
std::vector<std::string> record_columns(const AnalysisSections& sections);

/// The columns a monitor's rows carry besides date, process, boundary and crossed.
struct MonitorColumns {
  bool window = false, ewma = false, kalman = false;  ///< each estimator's ratio
  bool trade = false;                                 ///< the trade that restores the hedge
};

/// The monitor's columns for these sections.
MonitorColumns monitor_columns(const AnalysisSections& sections);

/// One monitored return as monitor --series and --follow print it.
Value monitor_row(const WatchEvent& event, const MonitorColumns& columns, bool date_only);

/// Puts another event into a row monitor_row made with the same columns (a follow
/// writes millions: the row is built once).
void refill_monitor_row(Value& row, const WatchEvent& event, const MonitorColumns& columns,
                        bool date_only);

/// --series: one record per return date (date, target_return, proxy_return,
/// hedge_ratio, correlation, effectiveness, hedged_return, and ewma_* columns when
/// both --window and --ewma are given); with a monitor, one per monitored return
/// (date, process, boundary, crossed, and the monitor's columns).
std::vector<Value> series_records(const Analysis& analysis);

}  // namespace hedgecalc
