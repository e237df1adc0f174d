#pragma once
// Puts a series in time order; rows may come in any order in the file.

#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

/// Sorts rows by time (keeping file order among equal times), collapses identical
/// duplicates, and throws DataError naming both lines for a time that appears
/// with two different prices.
void sort_by_time(PriceSeries& series);

}  // namespace hedgecalc
