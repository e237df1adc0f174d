#include "hedgecalc/kalman.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <string>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "moments.hpp"
#include "nelder_mead.hpp"
#include "refit_schedule.hpp"

namespace hedgecalc {
namespace {

constexpr double kDiffuse = 1e6;  // the starting state covariance, 1e6 I
// The simplex of a restart: a factor of e^0.2 in each variance.
constexpr double kRestartStep = 0.2;
const double kLog2Pi = std::log(2 * M_PI);

// The filter's state: (a, h), its covariance P = [[p00, p01], [p01, p11]], and the
// log-likelihood terms so far. The sum of log F_t is kept as a product (mantissa and
// power of two, renormalised every 8 terms): one logarithm at the end instead of one
// per return.
template <typename Real>
struct FilterState {
  Real a = 0, h = 0, p00 = 0, p01 = 0, p11 = 0;
  Real quadratic = 0;   ///< sum of innovation^2 / F
  double mantissa = 1;  ///< product of F, times 2^-exponent
  long exponent = 0;
  size_t terms = 0;

  template <typename Other>
  static FilterState from(const FilterState<Other>& s) {
    return {Real(s.a),         Real(s.h),  Real(s.p00), Real(s.p01), Real(s.p11),
            Real(s.quadratic), s.mantissa, s.exponent,  s.terms};
  }

  double loglik() const {
    return -0.5 * (static_cast<double>(terms) * kLog2Pi + std::log(mantissa) +
                   static_cast<double>(exponent) * M_LN2 + static_cast<double>(quadratic));
  }

  // Return t: predict (the first prediction is the initialisation itself), update,
  // and count the one-step log-likelihood term after the burn-in.
  void step(size_t t, double y, double x, bool intercept, size_t burn, const KalmanVariances& v) {
    if (t > 0) {
      if (intercept) p00 += Real(v.q_intercept);
      p11 += Real(v.q_ratio);
    }
    // z = (1, x) with an intercept, (0, x) without: P z, the innovation, its variance.
    const Real xt = x;
    const Real pz0 = intercept ? p00 + p01 * xt : Real(0);
    const Real pz1 = intercept ? p01 + p11 * xt : p11 * xt;
    const Real f = (intercept ? pz0 : Real(0)) + pz1 * xt + Real(v.r);
    const Real innovation = Real(y) - (a + h * xt);
    const Real k0 = pz0 / f, k1 = pz1 / f;
    a += k0 * innovation;
    h += k1 * innovation;
    p00 -= k0 * pz0;
    p01 -= k0 * pz1;
    p11 -= k1 * pz1;
    if (t >= burn) {
      quadratic += innovation * innovation / f;
      mantissa *= static_cast<double>(f);
      if ((++terms & 7) == 0) {
        int power = 0;
        mantissa = std::frexp(mantissa, &power);
        exponent += power;
      }
    }
  }
};

// While P still holds the diffuse 1e6, each update subtracts numbers near 1e6 from each
// other, which would cost a double about 7 of its 16 digits for many dates after
// (statsmodels' own filter shows that error). Those first dates run in long double;
// after them P is of the size of the data and double loses nothing more.
constexpr size_t kCarefulSteps = 32;

// One pass of the filter (a stays 0 without an intercept); calls on_step(t, a, h, P_hh)
// after each update. Returns the log-likelihood without the first k terms.
template <typename OnStep>
double run_filter(const std::vector<double>& y, const std::vector<double>& x, bool intercept,
                  const KalmanVariances& v, OnStep on_step) {
  const size_t n = y.size();
  const size_t burn = intercept ? 2 : 1;
  FilterState<long double> careful;
  careful.p00 = intercept ? kDiffuse : 0;
  careful.p11 = kDiffuse;
  size_t t = 0;
  for (; t < n && t < kCarefulSteps; ++t) {
    careful.step(t, y[t], x[t], intercept, burn, v);
    on_step(t, static_cast<double>(careful.a), static_cast<double>(careful.h),
            static_cast<double>(careful.p11));
  }
  if (t == n) return careful.loglik();
  FilterState<double> s = FilterState<double>::from(careful);
  for (; t < n; ++t) {
    s.step(t, y[t], x[t], intercept, burn, v);
    on_step(t, s.a, s.h, s.p11);
  }
  return s.loglik();
}

}  // namespace

// The same steps as run_filter, one at a time: the careful start in long double, then
// double.
struct KalmanRecursion::State {
  bool intercept;
  KalmanVariances variances;
  FilterState<long double> careful;
  FilterState<double> fast;
  size_t t = 0;
};

KalmanRecursion::KalmanRecursion(bool intercept, const KalmanVariances& variances)
    : state_(std::make_unique<State>()) {
  state_->intercept = intercept;
  state_->variances = variances;
  state_->careful.p00 = intercept ? kDiffuse : 0;
  state_->careful.p11 = kDiffuse;
}

KalmanRecursion::~KalmanRecursion() = default;
KalmanRecursion::KalmanRecursion(KalmanRecursion&&) noexcept = default;
KalmanRecursion& KalmanRecursion::operator=(KalmanRecursion&&) noexcept = default;

void KalmanRecursion::push(double target, double proxy) {
  State& s = *state_;
  const size_t burn = s.intercept ? 2 : 1;
  if (s.t < kCarefulSteps) {
    s.careful.step(s.t, target, proxy, s.intercept, burn, s.variances);
    if (s.t + 1 == kCarefulSteps) s.fast = FilterState<double>::from(s.careful);
  } else {
    s.fast.step(s.t, target, proxy, s.intercept, burn, s.variances);
  }
  ++s.t;
}

double KalmanRecursion::hedge_ratio() const {
  const State& s = *state_;
  return s.t <= kCarefulSteps ? static_cast<double>(s.careful.h) : s.fast.h;
}

KalmanSeries kalman_filter(const std::vector<double>& target, const std::vector<double>& proxy,
                           bool intercept, const KalmanVariances& variances) {
  const size_t n = target.size();
  KalmanSeries out;
  out.variances = variances;
  out.hedge_ratio.resize(n);
  out.std_error.resize(n);
  out.intercept.resize(n);
  out.loglik = run_filter(target, proxy, intercept, variances,
                          [&](size_t t, double a, double h, double p11) {
                            out.intercept[t] = a;
                            out.hedge_ratio[t] = h;
                            out.std_error[t] = std::sqrt(std::max(0.0, p11));
                          });
  return out;
}

double kalman_loglik(const std::vector<double>& target, const std::vector<double>& proxy,
                     bool intercept, const KalmanVariances& variances) {
  return run_filter(target, proxy, intercept, variances,
                                 [](size_t, double, double, double) {});
}

size_t kalman_min_returns(bool intercept) { return intercept ? 4 : 3; }

KalmanSeries kalman_estimate(const std::vector<double>& target, const std::vector<double>& proxy,
                             bool intercept, const std::optional<KalmanVariances>& warm_start) {
  const size_t n = target.size();
  if (n < kalman_min_returns(intercept)) {
    throw DataError("only " + std::to_string(n) + " returns: " + flag_for(Setting::kKalman) +
                    " needs at least " + std::to_string(kalman_min_returns(intercept)) +
                    " to estimate its variances");
  }
  // Scales for the starting points: the target's and the proxy's variances.
  const double var_y = std::max(sample_variance(target), 1e-300);
  const double var_x = std::max(sample_variance(proxy), 1e-300);
  // log variances -> -loglik; q_a is fixed at 0 (unused) without an intercept. A
  // variance below 1e-20 of its scale is as good as 0 and only stalls the search.
  auto variances_of = [&](const std::vector<double>& theta) {
    KalmanVariances v;
    v.r = std::exp(theta[0]);
    v.q_ratio = std::exp(theta[1]);
    v.q_intercept = intercept ? std::exp(theta[2]) : 0.0;
    return v;
  };
  const std::vector<double> floor = {std::log(var_y * 1e-20), std::log(var_y / var_x * 1e-20),
                                     std::log(var_y * 1e-20)};
  auto objective = [&](const std::vector<double>& theta) {
    std::vector<double> bounded = theta;
    for (size_t i = 0; i < theta.size(); ++i) {
      if (!(theta[i] < 700)) return std::numeric_limits<double>::infinity();
      bounded[i] = std::max(theta[i], floor[i]);
    }
    return -run_filter(target, proxy, intercept, variances_of(bounded),
                               [](size_t, double, double, double) {});
  };
  // Stop when the simplex's log-likelihoods agree to 1e-11 of their size: far below
  // anything a variance estimate means, and reached in a few hundred evaluations.
  auto tolerance = [](double value) { return 1e-9 + 1e-11 * std::fabs(value); };
  // The search starts from the best of a coarse grid (each point one pass), from "the
  // ratio barely moves" to "it moves a lot".
  std::vector<double> start;
  double start_value = std::numeric_limits<double>::infinity();
  for (const double noise : {0.25, 0.5, 0.9}) {
    for (const double drift : {1e-8, 1e-5, 1e-3, 1e-1}) {
      if (warm_start) break;
      std::vector<double> theta = {std::log(var_y * noise), std::log(drift * var_y / var_x)};
      if (intercept) theta.push_back(std::log(drift * 1e-2 * var_y));
      const double value = objective(theta);
      if (value < start_value) start = theta, start_value = value;
    }
  }
  // A warm start is near the answer already: a small first simplex.
  if (warm_start) {
    start = {std::log(warm_start->r), std::log(warm_start->q_ratio)};
    if (intercept) start.push_back(std::log(warm_start->q_intercept));
    for (size_t i = 0; i < start.size(); ++i) start[i] = std::max(start[i], floor[i]);
    start_value = objective(start);
  }
  Minimum best = nelder_mead(objective, start, warm_start ? kRestartStep : 1.0, tolerance(start_value), 600);
  // Restarts from the best point, with a fresh small simplex, until one gains nothing:
  // Nelder-Mead's simplex can collapse on the flat likelihood of a variance near zero.
  for (int restart = 0; restart < 3; ++restart) {
    const Minimum found = nelder_mead(objective, best.x, kRestartStep, tolerance(best.value), 600);
    const bool improved = found.value < best.value - tolerance(best.value);
    if (found.value < best.value) best = found;
    if (!improved) break;
  }
  for (size_t i = 0; i < best.x.size(); ++i) best.x[i] = std::max(best.x[i], floor[i]);
  KalmanSeries out = kalman_filter(target, proxy, intercept, variances_of(best.x));
  out.estimated = true;
  return out;
}

std::vector<double> kalman_out_of_sample(const std::vector<double>& target,
                                         const std::vector<double>& proxy, bool intercept,
                                         size_t first, size_t rebalance) {
  assert(first >= kalman_min_returns(intercept) && rebalance >= 1);
  const size_t n = target.size();
  std::vector<double> ratio(n, std::nan(""));
  std::optional<KalmanVariances> variances;
  KalmanRecursion filter(intercept, KalmanVariances{});
  RefitSchedule schedule;
  size_t pushed = 0;
  for (size_t t0 = first; t0 < n; t0 += rebalance) {
    if (schedule.due(t0)) {
      const std::vector<double> head_target(target.begin(), target.begin() + static_cast<long>(t0));
      const std::vector<double> head_proxy(proxy.begin(), proxy.begin() + static_cast<long>(t0));
      variances = kalman_estimate(head_target, head_proxy, intercept, variances).variances;
      filter = KalmanRecursion(intercept, *variances);
      pushed = 0;
    }
    for (; pushed < t0; ++pushed) filter.push(target[pushed], proxy[pushed]);
    ratio[t0 - 1] = filter.hedge_ratio();
  }
  return ratio;
}

}  // namespace hedgecalc
