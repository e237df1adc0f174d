#pragma once
// strucchange's table of critical values for ME and OLS-MOSUM monitoring
// (scripts/make_monitor_table.R writes the .cpp).

#include <array>

namespace hedgecalc {

/// [bandwidth 0.25, 0.5, 1][period 2, 4, 6, 8, 10][level 0.950 + 0.001 i, i = 0..49].
using MonitorCriticalValues = std::array<std::array<std::array<double, 50>, 5>, 3>;

/// The levels 1 - alpha of the table, as R reads them from its dimnames.
extern const std::array<double, 50> kMonitorLevels;

extern const MonitorCriticalValues kMonitorCriticalValues;

}  // namespace hedgecalc
