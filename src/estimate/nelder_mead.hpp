#pragma once
// A derivative-free minimiser for the few parameters of a likelihood (Nelder and
// Mead 1965, with the standard reflection, expansion, contraction and shrink steps).

#include <functional>
#include <vector>

namespace hedgecalc {

/// Where the search ended.
struct Minimum {
  std::vector<double> x;
  double value = 0;
  size_t evaluations = 0;
};

/// Minimises f from x0 with an initial simplex of x0 plus step along each axis;
/// stops when the simplex's values differ by less than tolerance (absolute) or after
/// max_evaluations. f may return +inf (or NaN) where it is undefined.
Minimum nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                    std::vector<double> x0, double step, double tolerance,
                    size_t max_evaluations);

}  // namespace hedgecalc
