#pragma once
// Hedge accounting tests (docs/hedgecalc.md --accounting), as auditors apply them under
// ASC 815 / IAS 39: the regression test and the dollar-offset test of the hedge's
// changes in value against the hedged item's.

#include <cstddef>
#include <vector>

namespace hedgecalc {

/// The bounds both tests use: a hedge offsets 80% to 125% of the item's change.
constexpr double kOffsetLow = 0.80, kOffsetHigh = 1.25;
/// The regression test also needs R^2 >= 0.80 and the slope's p below 0.05.
constexpr double kMinRSquared = 0.80, kMaxSlopeP = 0.05;

/// The outcome of both tests.
struct AccountingTests {
  double regression_slope;      ///< OLS slope of the hedge's changes on the item's
  double regression_r_squared;
  double regression_p;          ///< two-sided p of the slope, t with n - 2 degrees of freedom
  bool regression_pass;         ///< slope in [-1.25, -0.80], R^2 >= 0.80, p < 0.05
  double dollar_offset;         ///< sum(hedge) / sum(item)
  bool dollar_offset_pass;      ///< dollar_offset in [-1.25, -0.80]
  size_t periods_in_range;      ///< periods whose own hedge / item is in [-1.25, -0.80]
  size_t periods;
  bool pass() const { return regression_pass && dollar_offset_pass; }
};

/// Runs both tests on the item's and the hedge's changes in value, period by period.
AccountingTests accounting_tests(const std::vector<double>& item, const std::vector<double>& hedge);

}  // namespace hedgecalc
