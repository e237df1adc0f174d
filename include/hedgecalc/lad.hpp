#pragma once
// Least absolute deviations (median regression) of y on x with an intercept, exact, in
// a handful of O(n) passes: Wesolowsky's direct descent over lines through data points.

#include <vector>

namespace hedgecalc {

/// The LAD slope, by Wesolowsky's direct descent: lines through one data point at a time,
/// each the weighted median of the slopes to the others (O(n) per step, a handful of
/// steps). objective receives the sum of absolute residuals. Throws DataError when the
/// proxy does not vary.
double lad_slope(const std::vector<double>& x, const std::vector<double>& y, double& objective);

}  // namespace hedgecalc
