#pragma once
// The carry of the proxy leg (docs/hedgecalc.md --carry, --carry-series): a funding rate
// or borrow cost charged on the hedge every period, from one yearly rate or a file of
// per-period rates.

#include <string>
#include <vector>

#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

/// The same per-period rate on every return date: yearly_rate / periods_per_year.
std::vector<double> constant_carry(size_t returns, double yearly_rate, double periods_per_year);

/// Per return date, the latest rate of `rates` at or before it (as-of, as the series'
/// other joins); NaN before the first rate.
std::vector<double> carry_asof(const std::vector<Timestamp>& return_times, const PriceSeries& rates);

/// Throws DataError naming the rates' file when a return from `first` on has no rate at
/// or before it (the file starts too late), or when the rates end before `first` (no
/// overlap with the backtest).
void require_carry_from(const std::vector<double>& carry, const std::vector<Timestamp>& return_times,
                        size_t first, const PriceSeries& rates);

}  // namespace hedgecalc
