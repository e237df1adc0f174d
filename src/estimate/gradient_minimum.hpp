#pragma once
// A minimiser for the few parameters of a likelihood whose gradient we compute along
// with its value: L-BFGS within bounds, from NLopt (Debian libnlopt-dev). Each
// evaluation is a pass over the data, and with the gradient a quasi-Newton method needs
// a few tens of them where a simplex search needs hundreds.

#include <cstddef>
#include <functional>
#include <vector>

namespace hedgecalc {

/// The function to minimise: its value at x, with its gradient written to `gradient`
/// (of x's size). It must be finite inside the bounds.
using SmoothObjective = std::function<double(const std::vector<double>& x, std::vector<double>& gradient)>;

/// Where the search ended.
struct GradientMinimum {
  std::vector<double> x;
  double value = 0;
  size_t evaluations = 0;
  bool converged = false;  ///< false: stopped at max_evaluations or by a failure
};

/// Minimises f over the box [lower, upper] from x0 (inside it); stops when a step
/// changes f by less than relative_tolerance of |f| or after max_evaluations. A search
/// that L-BFGS abandons (its line search fails, as it can on a nearly flat function)
/// still counts as converged when, at its best point, no component of the gradient
/// that could lead inside the box exceeds gradient_tolerance (0: never). The result is
/// the best point evaluated.
GradientMinimum gradient_minimum(const SmoothObjective& f, const std::vector<double>& x0,
                                 const std::vector<double>& lower, const std::vector<double>& upper,
                                 double relative_tolerance, size_t max_evaluations,
                                 double gradient_tolerance = 0);

/// A coordinate's scale for scaled_gradient_minimum from its information: about a
/// standard error, 1 / sqrt(information), within [smallest, largest] (largest where the
/// information is 0 or not a number: a coordinate the likelihood is flat in).
double standard_error_scale(double information, double smallest, double largest);

/// gradient_minimum in the coordinates x_i / scale_i (scale_i > 0), the result in x's:
/// with scale_i about a standard error of x_i (1 / sqrt of its information), a unit step
/// is as long in every direction, as L-BFGS's first steps assume.
GradientMinimum scaled_gradient_minimum(const SmoothObjective& f, const std::vector<double>& x0,
                                        const std::vector<double>& lower,
                                        const std::vector<double>& upper,
                                        const std::vector<double>& scale, double relative_tolerance,
                                        size_t max_evaluations, double gradient_tolerance = 0);

}  // namespace hedgecalc
