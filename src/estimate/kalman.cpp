#include "hedgecalc/kalman.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "gradient_minimum.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/huge_pages.hpp"
#include "hedgecalc/setting.hpp"
#include "kalman_score.hpp"
#include "kalman_start.hpp"
#include "log_sum.hpp"
#include "moments.hpp"
#include "refit_schedule.hpp"

namespace hedgecalc {
namespace {

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
      if ((++terms & 7) == 0) mantissa = fraction_and_power(mantissa, exponent);
    }
  }
};

// The filter before return 0: the diffuse start, in long double for the careful steps.
FilterState<long double> diffuse_start(bool intercept) {
  FilterState<long double> careful;
  careful.p00 = intercept ? kKalmanDiffuse : 0;
  careful.p11 = kKalmanDiffuse;
  return careful;
}

// One pass of the filter (a stays 0 without an intercept); calls on_step(t, a, h, P_hh)
// after each update. Returns the log-likelihood without the first k terms.
template <typename OnStep>
double run_filter(const double* y, const double* x, size_t n, bool intercept,
                  const KalmanVariances& v, OnStep on_step) {
  const size_t burn = intercept ? 2 : 1;
  FilterState<long double> careful = diffuse_start(intercept);
  size_t t = 0;
  for (; t < n && t < kKalmanCarefulSteps; ++t) {
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

// The log-likelihoods of K sets of variances in one pass: K filters step side by side.
// Each step waits on the one before it (through a division), so a pass runs at the
// speed of that chain, and the processor overlaps K independent chains in about the
// time of one. Each filter's arithmetic is run_filter's, so are its bits.
template <size_t K>
void logliks_side_by_side(const double* y, const double* x, size_t n, bool intercept,
                          const KalmanVariances* v, double* loglik) {
  const size_t burn = intercept ? 2 : 1;
  const size_t careful_steps = std::min(n, kKalmanCarefulSteps);
  std::array<FilterState<double>, K> fast;
  for (size_t k = 0; k < K; ++k) {
    FilterState<long double> careful = diffuse_start(intercept);
    for (size_t t = 0; t < careful_steps; ++t) careful.step(t, y[t], x[t], intercept, burn, v[k]);
    loglik[k] = careful.loglik();
    fast[k] = FilterState<double>::from(careful);
  }
  if (careful_steps == n) return;
  for (size_t t = careful_steps; t < n; ++t) {
#pragma GCC unroll 4
    for (size_t k = 0; k < K; ++k) fast[k].step(t, y[t], x[t], intercept, burn, v[k]);
  }
  for (size_t k = 0; k < K; ++k) loglik[k] = fast[k].loglik();
}

// Some returns, as the searches below take a whole sample or its tail.
struct Returns {
  const double* y;
  const double* x;
  size_t size;
};

// A sample longer than twice this is searched on its last returns first.
constexpr size_t kWarmStartReturns = 65536;

// The search's coordinates: theta = (log r, log q_h[, log q_a]), within a box scaled by
// the target's and the proxy's variances. Below 1e-20 of its scale a variance is as good
// as 0; far above its scale no likelihood has its maximum.
class VarianceSpace {
 public:
  VarianceSpace(const Returns& r, bool intercept)
      : intercept_(intercept),
        var_y_(std::max(sample_variance(r.y, r.size), 1e-300)),
        var_x_(std::max(sample_variance(r.x, r.size), 1e-300)) {
    const std::vector<double> scale = {var_y_, var_y_ / var_x_, var_y_};
    for (size_t i = 0; i < dimension(); ++i) {
      lower_.push_back(std::log(scale[i] * 1e-20));
      upper_.push_back(std::log(scale[i] * 1e10));
    }
  }
  size_t dimension() const { return intercept_ ? 3 : 2; }
  bool intercept() const { return intercept_; }
  const std::vector<double>& lower() const { return lower_; }
  const std::vector<double>& upper() const { return upper_; }

  KalmanVariances variances(const std::vector<double>& theta) const {
    KalmanVariances v;
    v.r = std::exp(theta[0]);
    v.q_ratio = std::exp(theta[1]);
    v.q_intercept = intercept_ ? std::exp(theta[2]) : 0.0;
    return v;
  }
  /// theta for the variances, moved into the box.
  std::vector<double> coordinates(const KalmanVariances& v) const {
    std::vector<double> theta = {std::log(v.r), std::log(v.q_ratio), std::log(v.q_intercept)};
    theta.resize(dimension());
    for (size_t i = 0; i < theta.size(); ++i) theta[i] = std::clamp(theta[i], lower_[i], upper_[i]);
    return theta;
  }
  /// theta with each q at the level where it starts to move the likelihood of `size`
  /// returns: a random walk's drift over the sample, q size, against what the sample
  /// tells of the coefficient, r / size (over var_x for the ratio). Far below that the
  /// likelihood is flat in log q, and a search started there stays there.
  std::vector<double> threshold(std::vector<double> theta, size_t size) const {
    const double log_size = std::log(static_cast<double>(size));
    theta[1] = theta[0] - 2 * log_size - std::log(var_x_);
    if (intercept_) theta[2] = theta[0] - 2 * log_size;
    for (size_t i = 0; i < theta.size(); ++i) theta[i] = std::clamp(theta[i], lower_[i], upper_[i]);
    return theta;
  }
  /// theta with each q raised to its threshold when below it.
  std::vector<double> lifted(std::vector<double> theta, size_t size) const {
    const std::vector<double> level = threshold(theta, size);
    for (size_t i = 1; i < theta.size(); ++i) theta[i] = std::max(theta[i], level[i]);
    return theta;
  }
  /// The grid's points, from "the ratio barely moves" to "it moves a lot".
  std::vector<std::vector<double>> grid() const {
    std::vector<std::vector<double>> points;
    for (const double noise : {0.25, 0.5, 0.9}) {
      for (const double drift : {1e-8, 1e-5, 1e-3, 1e-1}) {
        std::vector<double> theta = {std::log(var_y_ * noise), std::log(drift * var_y_ / var_x_)};
        if (intercept_) theta.push_back(std::log(drift * 1e-2 * var_y_));
        points.push_back(theta);
      }
    }
    return points;
  }

 private:
  bool intercept_;
  double var_y_, var_x_;
  std::vector<double> lower_, upper_;
};

// The log-likelihood at theta: one pass of the filter without its gradient.
double loglik_at(const Returns& r, const VarianceSpace& space, const std::vector<double>& theta) {
  return run_filter(r.y, r.x, r.size, space.intercept(), space.variances(theta),
                    [](size_t, double, double, double) {});
}

// Of the candidates, the first with the highest log-likelihood, a NaN never winning (the
// first when all are NaN).
std::vector<double> most_likely(const Returns& r, const VarianceSpace& space,
                                const std::vector<std::vector<double>>& candidates,
                                const Executor& executor) {
  std::vector<KalmanVariances> variances;
  for (const std::vector<double>& theta : candidates) variances.push_back(space.variances(theta));
  const std::vector<double> loglik =
      kalman_logliks(r.y, r.x, r.size, space.intercept(), variances, executor);
  size_t best = 0;
  double best_loglik = -std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < loglik.size(); ++i) {
    if (loglik[i] > best_loglik) best = i, best_loglik = loglik[i];
  }
  return candidates[best];
}

// The best point of the grid by log-likelihood (each point one pass).
std::vector<double> grid_start(const Returns& r, const VarianceSpace& space,
                               const Executor& executor) {
  return most_likely(r, space, space.grid(), executor);
}

// The best of three points on the line from `from` (a fit to the sample's tail) to its q's
// at the whole sample's threshold: a longer sample resolves smaller variances (the
// threshold falls as the square of its length), and a value pass costs half a gradient
// pass and moves as far as the descent would in several.
std::vector<double> line_start(const Returns& r, const VarianceSpace& space,
                               const std::vector<double>& from, const Executor& executor) {
  const std::vector<double> to = space.threshold(from, r.size);
  std::vector<std::vector<double>> line;
  for (const double step : {0.0, 0.5, 1.0}) {
    std::vector<double> theta = from;
    for (size_t i = 1; i < theta.size(); ++i) theta[i] += step * (to[i] - from[i]);
    line.push_back(std::move(theta));
  }
  return most_likely(r, space, line, executor);
}

// L-BFGS on -loglik from start. It stops when a step gains less than 1e-11 of the
// log-likelihood: far below anything a variance estimate means.
GradientMinimum descend(const Returns& r, const VarianceSpace& space, const std::vector<double>& start) {
  const size_t d = space.dimension();
  // The coordinates are theta_i / scale_i, scale_i from the information at the start:
  // the log-likelihood's curvature in log r grows with the sample and dwarfs that in
  // log q, and L-BFGS, which starts from unit curvature, takes tiny steps in q. The pass
  // at the start serves as the search's first evaluation too.
  const KalmanScore at_start =
      kalman_score(r.y, r.x, r.size, space.intercept(), space.variances(start));
  std::vector<double> scale(d);
  for (size_t i = 0; i < d; ++i)
    scale[i] = standard_error_scale(at_start.information[i], 1e-8, 3.0);
  const SmoothObjective objective = [&](const std::vector<double>& theta,
                                        std::vector<double>& gradient) {
    const KalmanScore score =
        theta == start ? at_start
                       : kalman_score(r.y, r.x, r.size, space.intercept(), space.variances(theta));
    for (size_t i = 0; i < d; ++i) gradient[i] = -score.gradient[i];
    return std::isfinite(score.loglik) ? -score.loglik : std::numeric_limits<double>::max();
  };
  // In these coordinates a unit step is about one standard error (where the information
  // is not tiny), so a gradient below 1e-3 there leaves less than 1e-6 of log-likelihood
  // to gain: converged, whether or not L-BFGS's own test said so.
  return scaled_gradient_minimum(objective, start, space.lower(), space.upper(), scale, 1e-11, 400,
                                 1e-3);
}

// The likelihood is flat in log q far below where q starts to matter (VarianceSpace::
// threshold), so a descent that steps there stops there. Two probes for a q that ends
// below that level, or within a factor e above it: at the level, for a maximum inside
// that the descent stepped over; and at the floor, for a maximum at q = 0 (a ratio that
// does not drift). The descent resumes from a probe that does better. Further above the
// level the gradient in log q is clear, and where the descent stopped it is 0.
GradientMinimum search(const Returns& r, const VarianceSpace& space, const std::vector<double>& start) {
  constexpr double kNegligibleGain = 1e-11;  // relative, as the descent's own tolerance
  GradientMinimum best = descend(r, space, start);
  auto try_from = [&](const std::vector<double>& probe) {
    if (probe == best.x) return;
    const double value = -loglik_at(r, space, probe);
    if (!(value < best.value)) return;
    // A probe that gains next to nothing (a q moved along the flat likelihood) is
    // taken as it is: a descent from it would gain as little again, at several passes.
    if (value > best.value - kNegligibleGain * (1 + std::fabs(best.value))) {
      best.x = probe;
      best.value = value;
      return;
    }
    GradientMinimum resumed = descend(r, space, probe);
    resumed.evaluations += best.evaluations;
    if (resumed.value < best.value) best = resumed;
  };
  for (size_t i = 1; i < space.dimension(); ++i) {
    const double level = space.threshold(best.x, r.size)[i];
    if (best.x[i] > level + 1) continue;
    std::vector<double> up = best.x;
    up[i] = std::max(level, best.x[i]);
    try_from(up);
    std::vector<double> down = best.x;
    down[i] = space.lower()[i];
    try_from(down);
  }
  return best;
}

// A start without an earlier fit: the grid's best point, or for a long sample the best
// point on the line from a search on its last returns.
std::vector<double> cold_start(const Returns& all, const VarianceSpace& space,
                               const Executor& executor) {
  if (all.size <= 2 * kWarmStartReturns) return grid_start(all, space, executor);
  const size_t skip = all.size - kWarmStartReturns;
  const Returns tail{all.y + skip, all.x + skip, kWarmStartReturns};
  const std::vector<double> fit =
      space.lifted(search(tail, space, grid_start(tail, space, executor)).x, kWarmStartReturns);
  return line_start(all, space, fit, executor);
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
  state_->careful.p00 = intercept ? kKalmanDiffuse : 0;
  state_->careful.p11 = kKalmanDiffuse;
}

KalmanRecursion::~KalmanRecursion() = default;
KalmanRecursion::KalmanRecursion(KalmanRecursion&&) noexcept = default;
KalmanRecursion& KalmanRecursion::operator=(KalmanRecursion&&) noexcept = default;

void KalmanRecursion::push(double target, double proxy) {
  State& s = *state_;
  const size_t burn = s.intercept ? 2 : 1;
  if (s.t < kKalmanCarefulSteps) {
    s.careful.step(s.t, target, proxy, s.intercept, burn, s.variances);
    if (s.t + 1 == kKalmanCarefulSteps) s.fast = FilterState<double>::from(s.careful);
  } else {
    s.fast.step(s.t, target, proxy, s.intercept, burn, s.variances);
  }
  ++s.t;
}

double KalmanRecursion::hedge_ratio() const {
  const State& s = *state_;
  return s.t <= kKalmanCarefulSteps ? static_cast<double>(s.careful.h) : s.fast.h;
}

namespace {

// The filter's values per date into out, whose vectors are sized here unless they are
// already.
void filter_into(const std::vector<double>& target, const std::vector<double>& proxy,
                 bool intercept, const KalmanVariances& variances, KalmanSeries& out) {
  const size_t n = target.size();
  out.variances = variances;
  for (std::vector<double>* values : {&out.hedge_ratio, &out.std_error, &out.intercept}) {
    if (values->size() != n) resize_huge(*values, n);
  }
  out.loglik = run_filter(target.data(), proxy.data(), n, intercept, variances,
                          [&](size_t t, double a, double h, double p11) {
                            out.intercept[t] = a;
                            out.hedge_ratio[t] = h;
                            out.std_error[t] = std::sqrt(std::max(0.0, p11));
                          });
}

}  // namespace

KalmanSeries kalman_filter(const std::vector<double>& target, const std::vector<double>& proxy,
                           bool intercept, const KalmanVariances& variances) {
  KalmanSeries out;
  filter_into(target, proxy, intercept, variances, out);
  return out;
}

double kalman_loglik(const std::vector<double>& target, const std::vector<double>& proxy,
                     bool intercept, const KalmanVariances& variances) {
  return run_filter(target.data(), proxy.data(), target.size(), intercept, variances,
                    [](size_t, double, double, double) {});
}

std::vector<double> kalman_logliks(const double* target, const double* proxy, size_t n,
                                   bool intercept, const std::vector<KalmanVariances>& variances,
                                   const Executor& executor) {
  constexpr size_t kSideBySide = 3;  // more spill the filters' state out of registers
  const size_t count = variances.size();
  const size_t jobs = std::max<size_t>(executor.jobs(), 1);
  const size_t per_pass = std::clamp<size_t>((count + jobs - 1) / jobs, 1, kSideBySide);
  std::vector<double> loglik(count);
  executor.for_each((count + per_pass - 1) / per_pass, [&](size_t pass) {
    const size_t first = pass * per_pass, size = std::min(per_pass, count - first);
    const auto run = [&](auto side_by_side) {
      side_by_side(target, proxy, n, intercept, &variances[first], &loglik[first]);
    };
    if (size == 1) run(logliks_side_by_side<1>);
    if (size == 2) run(logliks_side_by_side<2>);
    if (size == 3) run(logliks_side_by_side<3>);
  });
  return loglik;
}

size_t kalman_min_returns(bool intercept) { return intercept ? 4 : 3; }

namespace {

// The maximum-likelihood variances of some returns, and whether the search converged.
struct VarianceFit {
  KalmanVariances variances;
  bool converged = false;
};

// beside, when given, runs on another thread while the first search descends (one
// thread at work, the rest idle), or after it with a single job.
VarianceFit fit_variances(const Returns& all, bool intercept,
                          const std::optional<KalmanVariances>& warm_start,
                          const Executor& executor, const std::function<void()>& beside = {}) {
  const size_t n = all.size;
  const VarianceSpace space(all, intercept);
  // A warm start is the last fit of a shorter sample. While samples are short it also
  // competes with the grid's best point: a fit to a few returns can be degenerate (the
  // noise r near 0, the drifts explaining everything), and the likelihood is as flat
  // in log r there as in log q, so a descent from it would stay.
  std::vector<std::vector<double>> starts;
  if (warm_start) starts.push_back(space.lifted(space.coordinates(*warm_start), n));
  if (!warm_start || n <= 2 * kWarmStartReturns) starts.push_back(cold_start(all, space, executor));
  GradientMinimum best;
  for (const std::vector<double>& start : starts) {
    GradientMinimum found;
    const auto descend_from_start = [&] { found = search(all, space, start); };
    if (beside && best.x.empty()) {
      executor.both(descend_from_start, beside);
    } else {
      descend_from_start();
    }
    if (best.x.empty() || found.value < best.value) best = std::move(found);
  }
  return {space.variances(best.x), best.converged};
}

}  // namespace

KalmanSeries kalman_estimate(const std::vector<double>& target, const std::vector<double>& proxy,
                             bool intercept, const std::optional<KalmanVariances>& warm_start,
                             const Executor& executor) {
  const size_t n = target.size();
  if (n < kalman_min_returns(intercept)) {
    throw DataError("only " + std::to_string(n) + " returns: " + flag_for(Setting::kKalman) +
                    " needs at least " + std::to_string(kalman_min_returns(intercept)) +
                    " to estimate its variances");
  }
  // The output's three buffers of n values are mapped and cleared beside the search
  // (for millions of returns that costs about what the filter pass itself does); the
  // filter then finds them sized.
  KalmanSeries out;
  const auto make_outputs = [&] {
    for (std::vector<double>* values : {&out.hedge_ratio, &out.std_error, &out.intercept}) {
      resize_huge(*values, n);
    }
  };
  const VarianceFit fit = fit_variances(Returns{target.data(), proxy.data(), n}, intercept,
                                        warm_start, executor, make_outputs);
  filter_into(target, proxy, intercept, fit.variances, out);
  out.estimated = true;
  out.converged = fit.converged;
  return out;
}

std::vector<double> kalman_out_of_sample(const std::vector<double>& target,
                                         const std::vector<double>& proxy, bool intercept,
                                         size_t first, size_t rebalance) {
  assert(first >= kalman_min_returns(intercept) && rebalance >= 1);
  const size_t n = target.size();
  std::vector<double> ratio = huge_vector(n, std::nan(""));
  std::optional<KalmanVariances> variances;
  KalmanRecursion filter(intercept, KalmanVariances{});
  RefitSchedule schedule;
  size_t pushed = 0;
  for (size_t t0 = first; t0 < n; t0 += rebalance) {
    if (schedule.due(t0)) {
      // The returns before t0, in place, and only the variances: the filter's series over
      // them are not wanted. One thread, as the path runs beside others (OutOfSamplePaths).
      variances =
          fit_variances(Returns{target.data(), proxy.data(), t0}, intercept, variances, Executor(1))
              .variances;
      filter = KalmanRecursion(intercept, *variances);
      pushed = 0;
    }
    for (; pushed < t0; ++pushed) filter.push(target[pushed], proxy[pushed]);
    ratio[t0 - 1] = filter.hedge_ratio();
  }
  return ratio;
}

}  // namespace hedgecalc
