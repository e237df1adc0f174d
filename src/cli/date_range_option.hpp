#pragma once
// --from and --to: the text of the two bounds, read into a DateRange.

#include <string>

#include "hedgecalc/date_range.hpp"

namespace hedgecalc {

/// Reads --from and --to (either may be empty). A --to given as a date keeps
/// that whole day, as pandas' df.loc[:"2024-01-31"] does. Throws UsageError.
DateRange parse_date_range(const std::string& from, const std::string& to);

}  // namespace hedgecalc
