#include "hedgecalc/dcc.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <utility>

#include "gradient_minimum.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/huge_pages.hpp"
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
  std::array<double, 3> outer{};  // sums of the per-return score products: aa, ab, bb
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

// The pass runs in blocks of returns, in three loops: the recursion of Q_t (and of its
// derivatives), a chain of multiply-adds; then each return's terms, whose divisions and
// square root depend on nothing but that return, so that the processor overlaps them
// and the compiler may vectorise them; then the sums, in the order of the returns. In
// one loop, with ten divisions per return, a gradient pass took twice as long.
constexpr size_t kBlock = 256;  // divides kFlushEvery

struct Block {
  std::array<double, kBlock> tt, pp, tp;                    // Q_t
  std::array<std::array<double, kBlock>, 2> dtt, dpp, dtp;  // dQ_t / da, dQ_t / db
  std::array<double, kBlock> one, quadratic_excess;         // 1 - rho_t^2; z'R^-1 z - z'z
  std::array<std::array<double, kBlock>, 2> score;          // d(log|R_t| + z'R^-1 z) / d(a, b)
};

struct Recursion {
  Q q;
  std::array<Q, 2> dq{Q{0, 0, 0}, Q{0, 0, 0}};  // Q_1 = Qbar is fixed: no derivative
};

void recur(const double* zt, const double* zp, size_t begin, size_t count, double qbar,
           const DccParameters& p, bool with_gradient, Recursion& state, Block& block) {
  // In registers: the block's stores could otherwise alias the state and parameters.
  const double a = p.a, b = p.b, c = 1 - a - b;
  Recursion r = state;
  for (size_t i = 0; i < count; ++i) {
    const size_t t = begin + i;
    const Q q = r.q, zz{zt[t] * zt[t], zp[t] * zp[t], zt[t] * zp[t]};
    block.tt[i] = q.tt, block.pp[i] = q.pp, block.tp[i] = q.tp;
    if (with_gradient) {
      if (t % kFlushEvery == 0) flush_subnormal(r.dq);
      std::array<Q, 2>& dq = r.dq;
      for (size_t k = 0; k < 2; ++k)
        block.dtt[k][i] = dq[k].tt, block.dpp[k][i] = dq[k].pp, block.dtp[k][i] = dq[k].tp;
      dq[0] = {-1 + zz.tt + b * dq[0].tt, -1 + zz.pp + b * dq[0].pp, -qbar + zz.tp + b * dq[0].tp};
      dq[1] = {-1 + q.tt + b * dq[1].tt, -1 + q.pp + b * dq[1].pp, -qbar + q.tp + b * dq[1].tp};
    }
    r.q = {c + a * zz.tt + b * q.tt, c + a * zz.pp + b * q.pp, c * qbar + a * zz.tp + b * q.tp};
  }
  state = r;
}

// Two divisions and a square root per return.
template <bool with_gradient>
void terms(const double* zt, const double* zp, size_t count, Block& b) {
  for (size_t i = 0; i < count; ++i) {
    const double inverse_product = 1 / (b.tt[i] * b.pp[i]),
                 inverse_root = std::sqrt(inverse_product);
    const double rho = b.tp[i] * inverse_root, one = 1 - rho * rho, inverse_one = 1 / one;
    const double s = zt[i] * zt[i] + zp[i] * zp[i], cross = zt[i] * zp[i];
    const double quadratic = (s - 2 * rho * cross) * inverse_one;
    b.one[i] = one;
    b.quadratic_excess[i] = quadratic - s;
    if constexpr (!with_gradient) continue;
    const double dl = (-2 * rho - 2 * cross + 2 * rho * quadratic) * inverse_one;
    const double inverse_tt = b.pp[i] * inverse_product, inverse_pp = b.tt[i] * inverse_product;
    for (size_t k = 0; k < 2; ++k) {
      const double drho = b.dtp[k][i] * inverse_root -
                          0.5 * rho * (b.dtt[k][i] * inverse_tt + b.dpp[k][i] * inverse_pp);
      b.score[k][i] = dl * drho;
    }
  }
}

Pass correlation_pass(const double* zt, const double* zp, size_t n, double qbar, const DccParameters& p,
                      bool with_gradient) {
  Recursion recursion{Q{1, 1, qbar}};
  Block block;
  LogSum logs;  // of 1 - rho^2
  double sum = 0;
  std::array<double, 2> g{};
  std::array<double, 3> outer{};
  for (size_t begin = 0; begin < n; begin += kBlock) {
    const size_t count = std::min(kBlock, n - begin);
    recur(zt, zp, begin, count, qbar, p, with_gradient, recursion, block);
    if (with_gradient) {
      terms<true>(zt + begin, zp + begin, count, block);
    } else {
      terms<false>(zt + begin, zp + begin, count, block);
    }
    for (size_t i = 0; i < count; ++i) {
      logs.add(block.one[i]);
      sum += block.quadratic_excess[i];
      if (with_gradient) {
        const double sa = block.score[0][i], sb = block.score[1][i];
        g[0] += sa, g[1] += sb;
        outer[0] += sa * sa, outer[1] += sa * sb, outer[2] += sb * sb;
      }
    }
  }
  return Pass{-0.5 * (logs.total() + sum),
              {-0.5 * g[0], -0.5 * g[1]},
              {0.25 * outer[0], 0.25 * outer[1], 0.25 * outer[2]}};
}

constexpr double kLargestPersistence = 1 - 1e-8;
constexpr size_t kWarmStart = 65536;
constexpr std::array<DccParameters, 3> kUsualStarts{{{0.05, 0.9}, {0.01, 0.98}, {0.06, 0.54}}};

// The optimiser's coordinates: persistence a + b and a's share of it.
DccParameters from_coordinates(const std::vector<double>& x) { return {x[0] * x[1], x[0] * (1 - x[1])}; }

}  // namespace

std::vector<double> standardized_residuals(const std::vector<double>& returns,
                                           const GarchParameters& p,
                                           const std::vector<double>& variances) {
  // variances has one more value than returns: the forecast after the last.
  std::vector<double> z = huge_vector<double>(returns.size());
  for (size_t t = 0; t < returns.size(); ++t) z[t] = (returns[t] - p.mu) / std::sqrt(variances[t]);
  return z;
}

std::vector<double> standardized_residuals(const std::vector<double>& returns,
                                           const GarchParameters& p) {
  return standardized_residuals(returns, p, garch_variances(returns, p));
}

std::vector<double> dcc_correlations(const std::vector<double>& zt, const std::vector<double>& zp,
                                     const DccParameters& p) {
  assert(zt.size() == zp.size());
  const double qbar = correlation(pair_moments(zt, zp)), c = 1 - p.a - p.b;
  std::vector<double> rho = huge_vector<double>(zt.size() + 1);
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

// Where one search ended.
struct Search {
  DccParameters parameters;
  double loglik = -INFINITY;
  bool converged = false;
};

// About a standard error of each coordinate: 1 / sqrt of its information (the outer
// product of the per-return scores, turned into the coordinates at x), at most the box's
// width.
std::vector<double> coordinate_scales(const Pass& at_x, const std::vector<double>& x) {
  const double share = x[1], aa = at_x.outer[0], ab = at_x.outer[1], bb = at_x.outer[2];
  // d/d persistence = share d/da + (1 - share) d/db; d/d share = persistence (d/da - d/db).
  const double information[2] = {
      share * share * aa + 2 * share * (1 - share) * ab + (1 - share) * (1 - share) * bb,
      x[0] * x[0] * (aa - 2 * ab + bb)};
  std::vector<double> scale(2);
  for (size_t i = 0; i < 2; ++i) scale[i] = standard_error_scale(information[i], 1e-8, 1.0);
  return scale;
}

double checked_qbar(const double* zt, const double* zp, size_t n) {
  const double qbar = correlation(pair_moments(zt, zp, n));
  if (!(std::fabs(qbar) < 1)) {
    throw DataError("the standardized returns are perfectly correlated: no DCC model fits them");
  }
  return qbar;
}

// The L-BFGS search on z[0..n) from one start, in coordinates persistence a + b and a's
// share of it, each scaled by its standard error at the start.
Search search_from(const double* zt, const double* zp, size_t n, const DccParameters& start) {
  const double qbar = checked_qbar(zt, zp, n), count = static_cast<double>(n);
  const double persistence = std::min(start.a + start.b, kLargestPersistence);
  const std::vector<double> x0{persistence, persistence > 0 ? start.a / (start.a + start.b) : 0};
  const Pass at_start = correlation_pass(zt, zp, n, qbar, from_coordinates(x0), true);
  // n - loglik: the second-step likelihood is near 0 for uncorrelated series, and a
  // relative tolerance needs a value of the order of the sample. Not divided by n: in
  // coordinates of about a standard error the curvature is then about 1, as L-BFGS's
  // first step assumes.
  // The best point's log-likelihood as its pass gave it: the fit reports it without
  // another pass.
  double best_value = INFINITY, best_loglik = -INFINITY;
  const SmoothObjective objective = [&](const std::vector<double>& x,
                                        std::vector<double>& gradient) {
    const Pass pass =
        x == x0 ? at_start : correlation_pass(zt, zp, n, qbar, from_coordinates(x), true);
    gradient = {-(pass.gradient[0] * x[1] + pass.gradient[1] * (1 - x[1])),
                -(pass.gradient[0] - pass.gradient[1]) * x[0]};
    const double value = count - pass.loglik;
    if (value < best_value) best_value = value, best_loglik = pass.loglik;
    return value;
  };
  const GradientMinimum found = scaled_gradient_minimum(
      objective, x0, {0, 0}, {kLargestPersistence, 1}, coordinate_scales(at_start, x0), 1e-13, 400);
  return Search{from_coordinates(found.x), best_loglik, found.converged};
}

// The start of a long sample's search: of the maxima found from each usual start on the
// last kWarmStart returns, the one the whole sample likes best (a value pass apiece).
DccParameters best_tail_maximum(const double* zt, const double* zp, size_t n) {
  const double qbar = checked_qbar(zt, zp, n);
  DccParameters best;
  double best_loglik = -INFINITY;
  bool constant_ranked = false;
  for (const DccParameters& start : kUsualStarts) {
    const size_t tail = n - kWarmStart;
    const DccParameters maximum = search_from(zt + tail, zp + tail, kWarmStart, start).parameters;
    // With a = 0 the correlation is Qbar whatever b is: one such point ranks them all.
    if (maximum.a == 0 && std::exchange(constant_ranked, true)) continue;
    const double loglik = correlation_pass(zt, zp, n, qbar, maximum, false).loglik;
    if (loglik > best_loglik) best = maximum, best_loglik = loglik;
  }
  return best;
}

}  // namespace

DccCorrelationFit fit_dcc_correlation(const std::vector<double>& zt, const std::vector<double>& zp,
                                      const std::optional<DccParameters>& warm_start) {
  assert(zt.size() == zp.size() && !zt.empty());
  const size_t n = zt.size();
  // As for the GARCH fits: on many returns the searches from the usual starts run on
  // the last kWarmStart of them, and one search on all of them.
  Search best;
  if (warm_start) {
    best = search_from(zt.data(), zp.data(), n, *warm_start);
  } else if (n > 2 * kWarmStart) {
    best = search_from(zt.data(), zp.data(), n, best_tail_maximum(zt.data(), zp.data(), n));
  } else {
    for (const DccParameters& start : kUsualStarts) {
      const Search found = search_from(zt.data(), zp.data(), n, start);
      if (found.loglik > best.loglik) best = found;
    }
  }
  DccCorrelationFit fit;
  fit.parameters = best.parameters;
  fit.loglik = best.loglik;
  fit.converged = best.converged;
  return fit;
}

namespace {

// The path from both models' variances (taken over as the volatilities) and the
// standardized returns: the fit has them already, and each is a vector per date.
DccPath path_from(std::vector<double> target_variances, std::vector<double> proxy_variances,
                  const std::vector<double>& zt, const std::vector<double>& zp,
                  const DccParameters& dynamics) {
  DccPath path;
  path.correlation = dcc_correlations(zt, zp, dynamics);
  path.target_vol = std::move(target_variances);
  path.proxy_vol = std::move(proxy_variances);
  const size_t dates = zt.size() + 1;
  resize_huge(path.hedge_ratio, dates);
  for (size_t t = 0; t < dates; ++t) {
    path.target_vol[t] = std::sqrt(path.target_vol[t]);
    path.proxy_vol[t] = std::sqrt(path.proxy_vol[t]);
    path.hedge_ratio[t] = path.correlation[t] * path.target_vol[t] / path.proxy_vol[t];
  }
  return path;
}

}  // namespace

DccPath dcc_path(const std::vector<double>& target, const std::vector<double>& proxy,
                 const GarchParameters& target_model, const GarchParameters& proxy_model,
                 const DccParameters& dynamics) {
  std::vector<double> vt = garch_variances(target, target_model),
                      vp = garch_variances(proxy, proxy_model);
  const std::vector<double> zt = standardized_residuals(target, target_model, vt),
                            zp = standardized_residuals(proxy, proxy_model, vp);
  return path_from(std::move(vt), std::move(vp), zt, zp, dynamics);
}

DccFit fit_dcc(const std::vector<double>& target, const std::vector<double>& proxy,
               const Executor& executor) {
  assert(target.size() == proxy.size() && target.size() >= kDccMinReturns);
  DccFit fit;
  // Below this many returns a second thread costs more than it saves.
  constexpr size_t kParallelFrom = 20000;
  (target.size() >= kParallelFrom ? executor : Executor(1))
      .both([&] { fit.target = fit_garch(target); }, [&] { fit.proxy = fit_garch(proxy); });
  std::vector<double> vt = garch_variances(target, fit.target.parameters);
  std::vector<double> vp = garch_variances(proxy, fit.proxy.parameters);
  const std::vector<double> zt = standardized_residuals(target, fit.target.parameters, vt);
  const std::vector<double> zp = standardized_residuals(proxy, fit.proxy.parameters, vp);
  fit.correlation_fit = fit_dcc_correlation(zt, zp);
  fit.loglik = fit.target.loglik + fit.proxy.loglik + fit.correlation_fit.loglik;
  static_cast<DccPath&>(fit) =
      path_from(std::move(vt), std::move(vp), zt, zp, fit.correlation_fit.parameters);
  return fit;
}

}  // namespace hedgecalc
