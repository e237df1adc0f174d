#pragma once
// How many returns make a year (docs/hedgecalc.md --periods-per-year), for annualised
// volatilities and a yearly --carry rate.

#include <vector>

#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// From the median spacing of the aligned timestamps: monthly 12, weekly 52, daily 365
/// when some rows fall on a Saturday or Sunday (a 24/7 calendar) else 252, intraday that
/// times the median number of rows per UTC day. Throws DataError with fewer than 2 times.
double infer_periods_per_year(const std::vector<Timestamp>& times);

}  // namespace hedgecalc
