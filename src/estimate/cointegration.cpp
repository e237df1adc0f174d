#include "hedgecalc/cointegration.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

#include "johansen.hpp"
#include "mackinnon.hpp"
#include "ols.hpp"
#include "unit_root.hpp"

namespace hedgecalc {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

VectorXd as_vector(const std::vector<double>& values) {
  return Eigen::Map<const VectorXd>(values.data(), static_cast<Index>(values.size()));
}

// Engle-Granger: the levels regression, then the ADF test on its residuals, judged as
// statsmodels' coint(trend="c") judges it (critical values at nobs - 1, as Stata's egranger).
VectorXd engle_granger(const std::vector<double>& target, const std::vector<double>& proxy,
                       const CointegrationOptions& options, Cointegration& c) {
  const OlsFit levels = fit_ols(as_vector(target), as_vector(proxy), true);
  if (levels.rank < 1) return VectorXd();  // a constant proxy: no levels regression
  c.level_ratio = levels.coefficients(0);
  c.level_intercept = levels.intercept;
  c.critical = engle_granger_critical_values(static_cast<double>(target.size() - 1));
  const double sqrt_eps = std::sqrt(std::numeric_limits<double>::epsilon());
  // With an intercept the residuals sum to zero; centring the levels near 1e9 leaves an
  // offset of up to half an ulp of the mean in them, which the ADF regression (no
  // constant) would read as a level. Removing it changes nothing in exact arithmetic.
  VectorXd spread = levels.residuals;
  for (int pass = 0; pass < 2; ++pass) spread.array() -= spread.mean();
  if (std::isnan(levels.r_squared)) return spread;  // a constant target: nothing to test
  if (levels.r_squared < 1 - 100 * sqrt_eps) {
    const std::vector<double> residuals(spread.data(), spread.data() + spread.size());
    const AdfTest adf = adf_no_constant(residuals, options.adf_max_lags);
    c.adf_statistic = adf.statistic;
    c.adf_lags = adf.lags;
  } else {
    c.collinear = true;  // statsmodels: tau = -inf, p = 0
    c.adf_statistic = -INFINITY;
  }
  c.p_value = engle_granger_p_value(c.adf_statistic);
  return spread;
}

// The spread's mean reversion: OLS of its change on its last value; a half-life only
// when the spread reverts without overshooting (-1 < phi < 0).
void spread_measures(const VectorXd& spread, Cointegration& c) {
  const Index n = spread.size();
  const VectorXd change = spread.tail(n - 1) - spread.head(n - 1);
  const OlsFit ar = fit_ols(change, spread.head(n - 1), true);
  const double phi = ar.coefficients(0);
  if (phi > -1 && phi < 0) c.half_life = -std::log(2.0) / std::log1p(phi);
  c.spread_last = spread(n - 1);
  const double mean = spread.mean();
  const double sd = std::sqrt((spread.array() - mean).square().sum() / static_cast<double>(n - 1));
  c.spread_z = (c.spread_last - mean) / sd;
}

// Lien (1996): the target's change on the proxy's and the last spread, with an intercept.
void error_correction(const std::vector<double>& target, const std::vector<double>& proxy,
                      const VectorXd& spread, Cointegration& c) {
  const Index n = static_cast<Index>(target.size());
  const VectorXd t = as_vector(target), p = as_vector(proxy);
  MatrixXd X(n - 1, 2);
  X.col(0) = p.tail(n - 1) - p.head(n - 1);
  X.col(1) = spread.head(n - 1);
  const OlsFit ecm = fit_ols(t.tail(n - 1) - t.head(n - 1), X, true);
  if (ecm.rank < 2) return;
  c.ecm_hedge_ratio = ecm.coefficients(0);
  c.ecm_std_error = ecm.std_errors(0);
  c.ecm_gamma = ecm.coefficients(1);
}

}  // namespace

size_t cointegration_min_levels(size_t johansen_lags) { return std::max<size_t>(20, 4 * johansen_lags + 8); }

Cointegration test_cointegration(const std::vector<double>& target, const std::vector<double>& proxy,
                                 const CointegrationOptions& options) {
  assert(target.size() == proxy.size() && target.size() >= cointegration_min_levels(options.johansen_lags));
  Cointegration c;
  const VectorXd spread = engle_granger(target, proxy, options, c);
  if (spread.size() == 0) return c;
  const JohansenTest johansen = johansen_test(target, proxy, options.johansen_lags);
  c.trace = johansen.trace;
  c.max_eigen = johansen.max_eigen;
  c.trace_critical_95 = johansen.trace_critical_95;
  c.max_eigen_critical_95 = johansen.max_eigen_critical_95;
  c.rank = johansen.rank;
  spread_measures(spread, c);
  error_correction(target, proxy, spread, c);
  return c;
}

}  // namespace hedgecalc
