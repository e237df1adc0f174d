#include "hedgecalc/hedge_accounting.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "moments.hpp"

namespace hedgecalc {
namespace {

// The hedge offsets 80% to 125% of the item's change in the opposite direction; a hedge
// that moves with the item (a positive ratio) offsets nothing, whatever its size.
bool in_range(double ratio) { return ratio >= -kOffsetHigh && ratio <= -kOffsetLow; }

}  // namespace

AccountingTests accounting_tests(const std::vector<double>& item, const std::vector<double>& hedge) {
  constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  AccountingTests a;
  a.periods = item.size();
  const PairMoments m = pair_moments(item, hedge);
  const double n = static_cast<double>(item.size());
  a.regression_slope = m.sxx > 0 ? m.sxy / m.sxx : kNan;
  a.regression_r_squared = m.sxx > 0 && m.syy > 0 ? m.sxy * m.sxy / (m.sxx * m.syy) : kNan;
  a.regression_p = kNan;
  if (m.sxx > 0 && n > 2) {
    const double rss = std::max(0.0, m.syy - m.sxy * m.sxy / m.sxx);
    const double se = std::sqrt(rss / (n - 2) / m.sxx);
    const double t = a.regression_slope / se;
    a.regression_p = se > 0 ? 2 * boost::math::cdf(boost::math::complement(
                                      boost::math::students_t(n - 2), std::fabs(t)))
                            : 0.0;  // a perfect fit
  }
  a.regression_pass = a.regression_slope >= -kOffsetHigh && a.regression_slope <= -kOffsetLow &&
                      a.regression_r_squared >= kMinRSquared && a.regression_p < kMaxSlopeP;
  double item_sum = 0, hedge_sum = 0;
  a.periods_in_range = 0;
  for (size_t t = 0; t < item.size(); ++t) {
    item_sum += item[t];
    hedge_sum += hedge[t];
    if (item[t] != 0 && in_range(hedge[t] / item[t])) ++a.periods_in_range;
  }
  a.dollar_offset = item_sum != 0 ? hedge_sum / item_sum : kNan;
  a.dollar_offset_pass = in_range(a.dollar_offset);
  return a;
}

}  // namespace hedgecalc
