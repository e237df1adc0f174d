#pragma once
// The span of time a series is cut to (--from / --to).

#include <optional>

#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

/// A half-open span [from, until) of timestamps.
struct DateRange {
  std::optional<Timestamp> from;
  std::optional<Timestamp> until;
};

/// Drops the rows outside range.
void restrict_to_range(PriceSeries& series, const DateRange& range);

}  // namespace hedgecalc
