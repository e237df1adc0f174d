#include "hedgecalc/cointegration.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include <Eigen/Dense>

#include "hedgecalc/huge_pages.hpp"
#include "johansen.hpp"
#include "mackinnon.hpp"
#include "moments.hpp"
#include "unit_root.hpp"

namespace hedgecalc {
namespace {

// The spread s_t = target_t - c - b proxy_t and its changes.
struct Spread {
  std::vector<double> level, change;
};

// Engle-Granger: the levels regression, then the ADF test on its residuals, judged as
// statsmodels' coint(trend="c") judges it (critical values at nobs - 1, as Stata's
// egranger). Returns the spread (empty for a constant proxy). Centred two-pass moments
// throughout: one regressor needs no decomposition, and a million levels no copies.
Spread engle_granger(const std::vector<double>& target, const std::vector<double>& proxy,
                     const CointegrationOptions& options, const Executor& executor, Cointegration& c) {
  const PairMoments m = pair_moments(proxy, target);
  if (m.sxx == 0) return {};  // a constant proxy: no levels regression
  c.level_ratio = m.sxy / m.sxx;
  c.level_intercept = m.mean_y - c.level_ratio * m.mean_x;
  c.critical = engle_granger_critical_values(static_cast<double>(target.size() - 1));
  Spread spread;
  std::vector<double>& s = spread.level;
  resize_huge(s, target.size());
  for (size_t t = 0; t < s.size(); ++t) s[t] = (target[t] - m.mean_y) - c.level_ratio * (proxy[t] - m.mean_x);
  // With an intercept the residuals sum to zero; centring levels near 1e9 leaves an
  // offset of up to half an ulp of the mean in them, which the ADF regression (no
  // constant) would read as a level. Removing it changes nothing in exact arithmetic.
  for (int pass = 0; pass < 2; ++pass) {
    const double offset = mean(s);
    for (double& value : s) value -= offset;
  }
  spread.change = changes(s);
  if (m.syy == 0) return spread;  // a constant target: nothing to test
  const double r_squared = m.sxy / m.sxx * m.sxy / m.syy;
  const double sqrt_eps = std::sqrt(std::numeric_limits<double>::epsilon());
  if (r_squared < 1 - 100 * sqrt_eps) {
    const AdfTest adf = adf_no_constant(s, spread.change, options.adf_max_lags, executor);
    c.adf_statistic = adf.statistic;
    c.adf_lags = adf.lags;
  } else {
    // R^2 within 100 sqrt(eps) of 1: no ADF test; statsmodels gives tau = -inf, p = 0.
    c.adf_statistic = -INFINITY;
  }
  c.p_value = engle_granger_p_value(c.adf_statistic);
  return spread;
}

// The spread's mean reversion: OLS of its change on its last value; a half-life only
// when the spread reverts without overshooting (-1 < phi < 0).
void spread_measures(const Spread& spread, Cointegration& c) {
  const std::vector<double>& s = spread.level;
  const PairMoments ar = pair_moments(s.data(), spread.change.data(), s.size() - 1);
  const double phi = ar.sxy / ar.sxx;
  if (phi > -1 && phi < 0) c.half_life = -std::log(2.0) / std::log1p(phi);
  c.spread_last = s.back();
  c.spread_z = (c.spread_last - mean(s)) / std::sqrt(sample_variance(s));
}

// The mean of x's changes: they telescope, (x_last - x_first) / (n - 1), one rounding.
double mean_change(const std::vector<double>& x) {
  return (x.back() - x.front()) / static_cast<double>(x.size() - 1);
}

// Lien (1996): the target's change on the proxy's and the last spread, with an intercept,
// from the centred cross products; the residuals summed over the data for s^2. The
// changes are taken as the loops go, without copies.
void error_correction(const std::vector<double>& target, const std::vector<double>& proxy,
                      const Spread& spread, Cointegration& c) {
  const std::vector<double>& s = spread.level;
  const size_t n = s.size() - 1;
  const double my = mean_change(target), m1 = mean_change(proxy), m2 = mean(s.data(), n);
  Eigen::Matrix2d sxx = Eigen::Matrix2d::Zero();
  Eigen::Vector2d sxy = Eigen::Vector2d::Zero();
  for (size_t t = 0; t < n; ++t) {
    const Eigen::Vector2d x(proxy[t + 1] - proxy[t] - m1, s[t] - m2);
    sxx.noalias() += x * x.transpose();
    sxy += x * (target[t + 1] - target[t] - my);
  }
  const Eigen::LDLT<Eigen::Matrix2d> solver(sxx);
  if (solver.info() != Eigen::Success || !(solver.vectorD().minCoeff() > 0)) return;
  const Eigen::Vector2d beta = solver.solve(sxy);
  double ssr = 0;
  for (size_t t = 0; t < n; ++t) {
    const double e = (target[t + 1] - target[t] - my) - beta(0) * (proxy[t + 1] - proxy[t] - m1) -
                     beta(1) * (s[t] - m2);
    ssr += e * e;
  }
  const double s2 = ssr / static_cast<double>(n - 3);
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
  // The two tests read the levels and write apart: side by side on two threads.
  Spread spread;
  JohansenTest johansen;
  executor.both([&] { spread = engle_granger(target, proxy, options, executor, c); },
                [&] { johansen = johansen_test(target, proxy, options.johansen_lags); });
  if (spread.level.empty()) return c;
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
