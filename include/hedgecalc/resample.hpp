#pragma once
// --frequency: keep the last observation of each day, ISO week or month, labelled
// with the period's last calendar day (docs/hedgecalc.md step 1), so that a 24/7 crypto series
// and a business-day equity series meet on the same dates.

#include <string>

#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

/// --frequency values; kAsIs keeps every row.
enum class Frequency { kAsIs, kDaily, kWeekly, kMonthly };

/// Midnight (UTC) of the last calendar day of the period holding time.
Timestamp period_end(Timestamp time, Frequency frequency);

/// Keeps the last row of each period of a sorted series, relabelled with the
/// period's last day; the row keeps its source line for error messages.
void resample_last(PriceSeries& series, Frequency frequency);

}  // namespace hedgecalc
