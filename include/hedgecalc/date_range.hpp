#pragma once
// --from / --to: the inclusive span of time a series is cut to.

#include <optional>
#include <string>

#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

/// A half-open span [from, until) of timestamps.
struct DateRange {
  std::optional<Timestamp> from;
  std::optional<Timestamp> until;
};

/// Reads --from and --to (either may be empty). A --to given as a date keeps
/// that whole day, as pandas' df.loc[:"2024-01-31"] does. Throws UsageError.
DateRange parse_date_range(const std::string& from, const std::string& to);

/// Drops the rows outside range.
void restrict_to_range(PriceSeries& series, const DateRange& range);

}  // namespace hedgecalc
