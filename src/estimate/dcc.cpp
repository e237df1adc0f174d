#include "hedgecalc/dcc.hpp"

#include <array>
#include <cassert>
#include <cmath>

#include "gradient_minimum.hpp"
#include "hedgecalc/error.hpp"
#include "log_sum.hpp"
#include "moments.hpp"

namespace hedgecalc {

namespace {

// Q_t's three distinct entries.
struct Q {
  double tt = 1, pp = 1, tp = 0;
};

// The second-step log-likelihood and its gradient in (a, b), in one pass; for two series
// log|R_t| = log(1 - rho^2) and z'R^-1 z = (z_T^2 + z_P^2 - 2 rho z_T z_P) / (1 - rho^2).
struct Pass {
  double loglik = 0;
  std::array<double, 2> gradient{};
};

// A derivative that settles at 0 may end as a subnormal number that b < 1 rounds back to
// itself, and subnormal arithmetic is a hundred times slower: such values become 0.
constexpr size_t kFlushEvery = 1024;

void flush_subnormal(std::array<Q, 2>& dq) {
  for (Q& d : dq) {
    for (double* v : {&d.tt, &d.pp, &d.tp}) {
      if (std::fabs(*v) < 1e-290) *v = 0;
    }
  }
}

Pass correlation_pass(const double* zt, const double* zp, size_t n, double qbar, const DccParameters& p,
                      bool with_gradient) {
  const double c = 1 - p.a - p.b;
  Q q{1, 1, qbar};
  std::array<Q, 2> dq{Q{0, 0, 0}, Q{0, 0, 0}};  // dQ_t / da, dQ_t / db: Q_1 = Qbar is fixed
  LogSum logs;  // of 1 - rho^2
  double sum = 0;
  std::array<double, 2> g{};
  for (size_t t = 0; t < n; ++t) {
    if (with_gradient && t % kFlushEvery == 0) flush_subnormal(dq);
    const double root = std::sqrt(q.tt * q.pp), rho = q.tp / root, one = 1 - rho * rho;
    const double s = zt[t] * zt[t] + zp[t] * zp[t], cross = zt[t] * zp[t];
    logs.add(one);
    sum += (s - 2 * rho * cross) / one - s;
    if (with_gradient) {
      const double dl = -2 * rho / one + (-2 * cross * one + 2 * rho * (s - 2 * rho * cross)) / (one * one);
      for (size_t k = 0; k < 2; ++k) {
        const double drho = dq[k].tp / root - 0.5 * rho * (dq[k].tt / q.tt + dq[k].pp / q.pp);
        g[k] += dl * drho;
      }
      const Q zz{zt[t] * zt[t], zp[t] * zp[t], cross};
      dq[0] = {-1 + zz.tt + p.b * dq[0].tt, -1 + zz.pp + p.b * dq[0].pp, -qbar + zz.tp + p.b * dq[0].tp};
      dq[1] = {-1 + q.tt + p.b * dq[1].tt, -1 + q.pp + p.b * dq[1].pp, -qbar + q.tp + p.b * dq[1].tp};
    }
    q = {c + p.a * zt[t] * zt[t] + p.b * q.tt, c + p.a * zp[t] * zp[t] + p.b * q.pp,
         c * qbar + p.a * cross + p.b * q.tp};
  }
  return Pass{-0.5 * (logs.total() + sum), {-0.5 * g[0], -0.5 * g[1]}};
}

constexpr double kLargestPersistence = 1 - 1e-8;
constexpr size_t kWarmStart = 65536;

// The optimiser's coordinates: persistence a + b and a's share of it.
DccParameters from_coordinates(const std::vector<double>& x) { return {x[0] * x[1], x[0] * (1 - x[1])}; }

}  // namespace

std::vector<double> standardized_residuals(const std::vector<double>& returns, const GarchParameters& p) {
  const std::vector<double> s2 = garch_variances(returns, p);
  std::vector<double> z(returns.size());
  for (size_t t = 0; t < returns.size(); ++t) z[t] = (returns[t] - p.mu) / std::sqrt(s2[t]);
  return z;
}

std::vector<double> dcc_correlations(const std::vector<double>& zt, const std::vector<double>& zp,
                                     const DccParameters& p) {
  assert(zt.size() == zp.size());
  const double qbar = correlation(pair_moments(zt, zp)), c = 1 - p.a - p.b;
  std::vector<double> rho(zt.size() + 1);
  Q q{1, 1, qbar};
  for (size_t t = 0; t <= zt.size(); ++t) {
    rho[t] = q.tp / std::sqrt(q.tt * q.pp);
    if (t == zt.size()) break;
    q = {c + p.a * zt[t] * zt[t] + p.b * q.tt, c + p.a * zp[t] * zp[t] + p.b * q.pp,
         c * qbar + p.a * zt[t] * zp[t] + p.b * q.tp};
  }
  return rho;
}

double dcc_loglik(const std::vector<double>& zt, const std::vector<double>& zp, const DccParameters& p) {
  return correlation_pass(zt.data(), zp.data(), zt.size(), correlation(pair_moments(zt, zp)), p, false).loglik;
}

namespace {

// The best of the L-BFGS runs from each start on z[0..n), in coordinates persistence
// a + b and a's share of it.
struct Search {
  DccParameters parameters;
  bool converged = false;
};

Search best_fit(const double* zt, const double* zp, size_t n, const std::vector<DccParameters>& starts) {
  const double qbar = correlation(pair_moments(zt, zp, n)), count = static_cast<double>(n);
  if (!(std::fabs(qbar) < 1)) {
    throw DataError("the standardized returns are perfectly correlated: no DCC model fits them");
  }
  // 1 - loglik / n: the second-step likelihood is near 0 for uncorrelated series, and a
  // tolerance needs a value of order one.
  const SmoothObjective objective = [&](const std::vector<double>& x, std::vector<double>& gradient) {
    const Pass pass = correlation_pass(zt, zp, n, qbar, from_coordinates(x), true);
    gradient = {-(pass.gradient[0] * x[1] + pass.gradient[1] * (1 - x[1])) / count,
                -(pass.gradient[0] - pass.gradient[1]) * x[0] / count};
    return 1 - pass.loglik / count;
  };
  GradientMinimum best;
  best.value = INFINITY;
  for (const DccParameters& start : starts) {
    const double persistence = std::min(start.a + start.b, kLargestPersistence);
    const std::vector<double> x0{persistence, persistence > 0 ? start.a / (start.a + start.b) : 0};
    GradientMinimum found = gradient_minimum(objective, x0, {0, 0}, {kLargestPersistence, 1}, 1e-13, 400);
    if (found.value < best.value) best = found;
  }
  return Search{from_coordinates(best.x), best.converged};
}

}  // namespace

DccCorrelationFit fit_dcc_correlation(const std::vector<double>& zt, const std::vector<double>& zp,
                                      const std::optional<DccParameters>& warm_start) {
  assert(zt.size() == zp.size() && !zt.empty());
  const size_t n = zt.size();
  // As for the GARCH fits: the search from several starts on the last kWarmStart
  // returns, then on all of them from where each ended.
  std::vector<DccParameters> starts{{0.05, 0.9}, {0.01, 0.98}, {0.06, 0.54}};
  if (warm_start) {
    starts = {*warm_start};
  } else if (n > 2 * kWarmStart) {
    for (DccParameters& start : starts) {
      start = best_fit(zt.data() + n - kWarmStart, zp.data() + n - kWarmStart, kWarmStart, {start}).parameters;
    }
  }
  const Search best = best_fit(zt.data(), zp.data(), n, starts);
  DccCorrelationFit fit;
  fit.parameters = best.parameters;
  fit.loglik = dcc_loglik(zt, zp, fit.parameters);
  fit.converged = best.converged;
  return fit;
}

DccPath dcc_path(const std::vector<double>& target, const std::vector<double>& proxy,
                 const GarchParameters& target_model, const GarchParameters& proxy_model,
                 const DccParameters& dynamics) {
  const std::vector<double> vt = garch_variances(target, target_model);
  const std::vector<double> vp = garch_variances(proxy, proxy_model);
  std::vector<double> zt(target.size()), zp(proxy.size());
  for (size_t t = 0; t < target.size(); ++t) {
    zt[t] = (target[t] - target_model.mu) / std::sqrt(vt[t]);
    zp[t] = (proxy[t] - proxy_model.mu) / std::sqrt(vp[t]);
  }
  DccPath path;
  path.correlation = dcc_correlations(zt, zp, dynamics);
  const size_t dates = target.size() + 1;
  path.target_vol.resize(dates);
  path.proxy_vol.resize(dates);
  path.hedge_ratio.resize(dates);
  for (size_t t = 0; t < dates; ++t) {
    path.target_vol[t] = std::sqrt(vt[t]);
    path.proxy_vol[t] = std::sqrt(vp[t]);
    path.hedge_ratio[t] = path.correlation[t] * path.target_vol[t] / path.proxy_vol[t];
  }
  return path;
}

DccFit fit_dcc(const std::vector<double>& target, const std::vector<double>& proxy,
               const Executor& executor) {
  assert(target.size() == proxy.size() && target.size() >= kDccMinReturns);
  DccFit fit;
  // Below this many returns a second thread costs more than it saves.
  constexpr size_t kParallelFrom = 20000;
  (target.size() >= kParallelFrom ? executor : Executor(1))
      .both([&] { fit.target = fit_garch(target); }, [&] { fit.proxy = fit_garch(proxy); });
  fit.correlation_fit = fit_dcc_correlation(standardized_residuals(target, fit.target.parameters),
                                            standardized_residuals(proxy, fit.proxy.parameters));
  fit.loglik = fit.target.loglik + fit.proxy.loglik + fit.correlation_fit.loglik;
  static_cast<DccPath&>(fit) = dcc_path(target, proxy, fit.target.parameters, fit.proxy.parameters,
                                        fit.correlation_fit.parameters);
  return fit;
}

}  // namespace hedgecalc
