#pragma once
// MacKinnon's distributions of the Engle-Granger cointegration statistic with a constant
// and two variables (a target on one proxy): the asymptotic p-value of MacKinnon (1994)
// and the finite-sample critical values of MacKinnon (2010), as statsmodels' `coint`
// applies them.

#include <array>

namespace hedgecalc {

/// The asymptotic p-value of an Engle-Granger tau statistic (two variables, constant).
double engle_granger_p_value(double tau);

/// The 1%, 5% and 10% critical values for a sample of `nobs` (statsmodels passes the
/// number of observations less one).
std::array<double, 3> engle_granger_critical_values(double nobs);

}  // namespace hedgecalc
