#include "hedgecalc/cointegration.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include <Eigen/Dense>

#include "johansen.hpp"
#include "mackinnon.hpp"
#include "moments.hpp"
#include "unit_root.hpp"

namespace hedgecalc {
namespace {

// Engle-Granger: the levels regression, then the ADF test on its residuals, judged as
// statsmodels' coint(trend="c") judges it (critical values at nobs - 1, as Stata's
// egranger). Returns the spread (empty for a constant proxy). Centred two-pass moments
// throughout: one regressor needs no decomposition, and a million levels no copies.
std::vector<double> engle_granger(const std::vector<double>& target, const std::vector<double>& proxy,
                                  const CointegrationOptions& options, const Executor& executor,
                                  Cointegration& c) {
  const PairMoments m = pair_moments(proxy, target);
  if (m.sxx == 0) return {};  // a constant proxy: no levels regression
  c.level_ratio = m.sxy / m.sxx;
  c.level_intercept = m.mean_y - c.level_ratio * m.mean_x;
  c.critical = engle_granger_critical_values(static_cast<double>(target.size() - 1));
  std::vector<double> spread(target.size());
  for (size_t t = 0; t < spread.size(); ++t) {
    spread[t] = (target[t] - m.mean_y) - c.level_ratio * (proxy[t] - m.mean_x);
  }
  // With an intercept the residuals sum to zero; centring levels near 1e9 leaves an
  // offset of up to half an ulp of the mean in them, which the ADF regression (no
  // constant) would read as a level. Removing it changes nothing in exact arithmetic.
  for (int pass = 0; pass < 2; ++pass) {
    const double offset = mean(spread);
    for (double& s : spread) s -= offset;
  }
  if (m.syy == 0) return spread;  // a constant target: nothing to test
  const double r_squared = m.sxy / m.sxx * m.sxy / m.syy;
  const double sqrt_eps = std::sqrt(std::numeric_limits<double>::epsilon());
  if (r_squared < 1 - 100 * sqrt_eps) {
    const AdfTest adf = adf_no_constant(spread, options.adf_max_lags, executor);
    c.adf_statistic = adf.statistic;
    c.adf_lags = adf.lags;
  } else {
    c.collinear = true;  // statsmodels: tau = -inf, p = 0
    c.adf_statistic = -INFINITY;
  }
  c.p_value = engle_granger_p_value(c.adf_statistic);
  return spread;
}

// x[t+1] - x[t] for t = 0 .. n-2.
std::vector<double> changes(const std::vector<double>& x) {
  std::vector<double> d(x.size() - 1);
  for (size_t t = 0; t + 1 < x.size(); ++t) d[t] = x[t + 1] - x[t];
  return d;
}

// The spread's mean reversion: OLS of its change on its last value; a half-life only
// when the spread reverts without overshooting (-1 < phi < 0).
void spread_measures(const std::vector<double>& spread, Cointegration& c) {
  const std::vector<double> last(spread.begin(), spread.end() - 1);
  const PairMoments ar = pair_moments(last, changes(spread));
  const double phi = ar.sxy / ar.sxx;
  if (phi > -1 && phi < 0) c.half_life = -std::log(2.0) / std::log1p(phi);
  c.spread_last = spread.back();
  c.spread_z = (c.spread_last - mean(spread)) / std::sqrt(sample_variance(spread));
}

// Lien (1996): the target's change on the proxy's and the last spread, with an intercept,
// from the centred cross products; the residuals summed over the data for s^2.
void error_correction(const std::vector<double>& target, const std::vector<double>& proxy,
                      const std::vector<double>& spread, Cointegration& c) {
  const std::vector<double> y = changes(target), x1 = changes(proxy);
  const double my = mean(y), m1 = mean(x1), m2 = mean(std::vector<double>(spread.begin(), spread.end() - 1));
  Eigen::Matrix2d sxx = Eigen::Matrix2d::Zero();
  Eigen::Vector2d sxy = Eigen::Vector2d::Zero();
  for (size_t t = 0; t < y.size(); ++t) {
    const Eigen::Vector2d x(x1[t] - m1, spread[t] - m2);
    sxx.noalias() += x * x.transpose();
    sxy += x * (y[t] - my);
  }
  const Eigen::LDLT<Eigen::Matrix2d> solver(sxx);
  if (solver.info() != Eigen::Success || !(solver.vectorD().minCoeff() > 0)) return;
  const Eigen::Vector2d beta = solver.solve(sxy);
  double ssr = 0;
  for (size_t t = 0; t < y.size(); ++t) {
    const double e = (y[t] - my) - beta(0) * (x1[t] - m1) - beta(1) * (spread[t] - m2);
    ssr += e * e;
  }
  const double s2 = ssr / static_cast<double>(y.size() - 3);
  c.ecm_hedge_ratio = beta(0);
  c.ecm_std_error = std::sqrt(s2 * solver.solve(Eigen::Vector2d::UnitX())(0));
  c.ecm_gamma = beta(1);
}

}  // namespace

size_t cointegration_min_levels(size_t johansen_lags) { return std::max<size_t>(20, 4 * johansen_lags + 8); }

Cointegration test_cointegration(const std::vector<double>& target, const std::vector<double>& proxy,
                                 const CointegrationOptions& options, const Executor& executor) {
  assert(target.size() == proxy.size() && target.size() >= cointegration_min_levels(options.johansen_lags));
  Cointegration c;
  const std::vector<double> spread = engle_granger(target, proxy, options, executor, c);
  if (spread.empty()) return c;
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
