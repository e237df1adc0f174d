#include "gradient_minimum.hpp"

#include <nlopt.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>

namespace hedgecalc {

namespace {

// What NLopt's callback reaches: the objective, the box, the count, the best point so
// far (and whether it meets the gradient tolerance), and an exception to carry across
// the C library (which must not unwind through it).
struct Call {
  const SmoothObjective* f = nullptr;
  const std::vector<double>* lower = nullptr;
  const std::vector<double>* upper = nullptr;
  double gradient_tolerance = 0;
  size_t evaluations = 0;
  std::vector<double> x, gradient;
  std::vector<double> best_x;
  double best_value = std::numeric_limits<double>::infinity();
  bool stationary = false;  // the best point meets gradient_tolerance
  std::exception_ptr failure;
  nlopt_opt opt = nullptr;
};

// Whether x is a minimum to within the tolerance: each component of the gradient is that
// small, or points out of the box at a bound where x sits.
bool stationary(const std::vector<double>& x, const std::vector<double>& gradient, const Call& call) {
  if (call.gradient_tolerance <= 0) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    const bool held = (x[i] <= (*call.lower)[i] && gradient[i] > 0) ||
                      (x[i] >= (*call.upper)[i] && gradient[i] < 0);
    if (!held && !(std::fabs(gradient[i]) <= call.gradient_tolerance)) return false;
  }
  return true;
}

double evaluate(unsigned n, const double* x, double* gradient, void* data) {
  Call& call = *static_cast<Call*>(data);
  ++call.evaluations;
  call.x.assign(x, x + n);
  call.gradient.assign(n, 0.0);
  try {
    const double value = (*call.f)(call.x, call.gradient);
    if (gradient != nullptr) {
      for (unsigned i = 0; i < n; ++i) gradient[i] = call.gradient[i];
    }
    if (value < call.best_value) {
      call.best_value = value;
      call.best_x = call.x;
      call.stationary = stationary(call.x, call.gradient, call);
    }
    return value;
  } catch (...) {
    call.failure = std::current_exception();
    nlopt_force_stop(call.opt);
    return std::numeric_limits<double>::infinity();
  }
}

}  // namespace

GradientMinimum gradient_minimum(const SmoothObjective& f, const std::vector<double>& x0,
                                 const std::vector<double>& lower, const std::vector<double>& upper,
                                 double relative_tolerance, size_t max_evaluations,
                                 double gradient_tolerance) {
  const unsigned n = static_cast<unsigned>(x0.size());
  assert(lower.size() == n && upper.size() == n);
  std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> opt(nlopt_create(NLOPT_LD_LBFGS, n),
                                                             &nlopt_destroy);
  if (!opt) throw std::bad_alloc();
  Call call;
  call.f = &f;
  call.lower = &lower;
  call.upper = &upper;
  call.gradient_tolerance = gradient_tolerance;
  call.opt = opt.get();
  nlopt_set_lower_bounds(opt.get(), lower.data());
  nlopt_set_upper_bounds(opt.get(), upper.data());
  nlopt_set_min_objective(opt.get(), &evaluate, &call);
  nlopt_set_ftol_rel(opt.get(), relative_tolerance);
  nlopt_set_maxeval(opt.get(), static_cast<int>(max_evaluations));
  GradientMinimum result;
  result.x = x0;
  double value = std::numeric_limits<double>::infinity();
  const nlopt_result status = nlopt_optimize(opt.get(), result.x.data(), &value);
  if (call.failure) std::rethrow_exception(call.failure);
  result.evaluations = call.evaluations;
  if (!call.best_x.empty()) result.x = call.best_x, value = call.best_value;
  result.value = value;
  // Round-off limited: the line search can gain nothing more in double precision,
  // which at a smooth maximum is where we want to be. A search abandoned at a best
  // point that meets the gradient tolerance has converged too. (Stopping at the first
  // such point would save passes, but in a flat direction a small gradient does not
  // bound what a long step gains: on the fuel pair it lost 1.5e-4 of log-likelihood.)
  result.converged = status == NLOPT_SUCCESS || status == NLOPT_FTOL_REACHED ||
                     status == NLOPT_XTOL_REACHED || status == NLOPT_ROUNDOFF_LIMITED ||
                     call.stationary;
  if (!std::isfinite(result.value)) result.converged = false;
  return result;
}

double standard_error_scale(double information, double smallest, double largest) {
  const double scale = std::clamp(1 / std::sqrt(information), smallest, largest);
  return std::isfinite(scale) ? scale : largest;
}

GradientMinimum scaled_gradient_minimum(const SmoothObjective& f, const std::vector<double>& x0,
                                        const std::vector<double>& lower,
                                        const std::vector<double>& upper,
                                        const std::vector<double>& scale, double relative_tolerance,
                                        size_t max_evaluations, double gradient_tolerance) {
  const size_t n = x0.size();
  assert(scale.size() == n);
  std::vector<double> u0(n), u_lower(n), u_upper(n), x(n);
  for (size_t i = 0; i < n; ++i) {
    u0[i] = x0[i] / scale[i];
    u_lower[i] = lower[i] / scale[i];
    u_upper[i] = upper[i] / scale[i];
  }
  // x_i = u_i scale_i, clamped: the product may round a hair outside the box. The start
  // is x0 itself, bit for bit, so that a caller may answer it from what it computed there.
  const SmoothObjective in_u = [&](const std::vector<double>& u, std::vector<double>& gradient) {
    for (size_t i = 0; i < n; ++i)
      x[i] = u == u0 ? x0[i] : std::clamp(u[i] * scale[i], lower[i], upper[i]);
    const double value = f(x, gradient);
    for (size_t i = 0; i < n; ++i) gradient[i] *= scale[i];
    return value;
  };
  GradientMinimum found = gradient_minimum(in_u, u0, u_lower, u_upper, relative_tolerance,
                                           max_evaluations, gradient_tolerance);
  for (size_t i = 0; i < n; ++i) found.x[i] = std::clamp(found.x[i] * scale[i], lower[i], upper[i]);
  return found;
}

}  // namespace hedgecalc
