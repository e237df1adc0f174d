#include "gradient_minimum.hpp"

#include <nlopt.h>

#include <cassert>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>

namespace hedgecalc {

namespace {

// What NLopt's callback reaches: the objective, the count, and an exception to carry
// across the C library (which must not unwind through it).
struct Call {
  const SmoothObjective* f = nullptr;
  size_t evaluations = 0;
  std::vector<double> x, gradient;
  std::exception_ptr failure;
  nlopt_opt opt = nullptr;
};

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
    return value;
  } catch (...) {
    call.failure = std::current_exception();
    nlopt_force_stop(call.opt);
    return std::numeric_limits<double>::infinity();
  }
}

// Whether x is a minimum to within gradient_tolerance: each component of f's gradient is
// that small, or points out of the box at a bound where x sits.
bool stationary(const SmoothObjective& f, const std::vector<double>& x, const std::vector<double>& lower,
                const std::vector<double>& upper, double gradient_tolerance) {
  std::vector<double> gradient(x.size());
  if (!std::isfinite(f(x, gradient))) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    const bool held = (x[i] <= lower[i] && gradient[i] > 0) || (x[i] >= upper[i] && gradient[i] < 0);
    if (!held && !(std::fabs(gradient[i]) <= gradient_tolerance)) return false;
  }
  return true;
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
  result.value = value;
  result.evaluations = call.evaluations;
  // Round-off limited: the line search can gain nothing more in double precision,
  // which at a smooth maximum is where we want to be.
  result.converged = status == NLOPT_SUCCESS || status == NLOPT_FTOL_REACHED ||
                     status == NLOPT_XTOL_REACHED || status == NLOPT_ROUNDOFF_LIMITED;
  if (!std::isfinite(result.value)) result.converged = false;
  if (!result.converged && gradient_tolerance > 0 && std::isfinite(result.value) &&
      status != NLOPT_MAXEVAL_REACHED) {
    result.converged = stationary(f, result.x, lower, upper, gradient_tolerance);
    ++result.evaluations;
  }
  return result;
}

}  // namespace hedgecalc
