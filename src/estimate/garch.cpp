#include "hedgecalc/garch.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>


#include "gradient_minimum.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/huge_pages.hpp"
#include "log_sum.hpp"

namespace hedgecalc {

namespace {

constexpr double kLogTwoPi = 1.8378770664093454836;  // log(2 pi)

// The sample's mean and centred mean square, from which s2_1 = mean (r - mu)^2 follows
// for any mu without another pass: v + (mean - mu)^2.
struct SampleMoments {
  double mean = 0, mean_square = 0;
};

SampleMoments sample_moments(const double* r, size_t n) {
  SampleMoments m;
  for (size_t t = 0; t < n; ++t) m.mean += r[t];
  m.mean /= static_cast<double>(n);
  for (size_t t = 0; t < n; ++t) m.mean_square += (r[t] - m.mean) * (r[t] - m.mean);
  m.mean_square /= static_cast<double>(n);
  return m;
}

// A derivative that only decays (d s2 / d mu when alpha = 0) ends as a subnormal number
// that beta < 1 rounds back to itself, and subnormal arithmetic is a hundred times slower:
// every so often such values become the 0 they stand for.
constexpr size_t kFlushEvery = 1024;

void flush_subnormal(std::array<double, 4>& values) {
  for (double& v : values) {
    if (std::fabs(v) < 1e-290) v = 0;
  }
}

// The log-likelihood and its gradient in (mu, omega, alpha, beta), in one pass: the
// derivatives of s2_t follow the same recursion as s2_t itself.
struct Pass {
  double loglik = 0;
  std::array<double, 4> gradient{};
  std::array<double, 4> information{};  // with a Jacobian: in the optimiser's coordinates
};

// d(mu, omega, alpha, beta) / d(coordinate j), by row.
using Jacobian = std::array<std::array<double, 4>, 4>;

// The per-return scores' squares, turned into coordinates by J: the diagonal of the
// outer-product information there.
void add_information(const std::array<double, 4>& score, const Jacobian& jacobian,
                     std::array<double, 4>& sums) {
  for (size_t j = 0; j < 4; ++j) {
    double in_coordinate = 0;
    for (size_t k = 0; k < 4; ++k) in_coordinate += score[k] * jacobian[k][j];
    sums[j] += in_coordinate * in_coordinate;
  }
}

Pass likelihood_pass(const double* r, size_t size, const SampleMoments& m, const GarchParameters& p,
                     bool with_gradient, const Jacobian* jacobian = nullptr) {
  const double shift = m.mean - p.mu;
  double s2 = m.mean_square + shift * shift;
  std::array<double, 4> ds2{-2 * shift, 0, 0, 0};  // d s2_t / d(mu, omega, alpha, beta)
  std::array<double, 4> g{};
  // log s2_t = log(s2_t / v) + log v, with v the sample's mean square: the ratios are
  // near 1, as LogSum likes them.
  LogSum logs;
  const double inverse_unit = 1 / m.mean_square;
  double sum_ratio = 0;
  Pass pass;
  for (size_t t = 0; t < size; ++t) {
    if (with_gradient && t % kFlushEvery == 0) flush_subnormal(ds2);
    const double e = r[t] - p.mu, e2 = e * e, inverse = 1 / s2;
    logs.add(s2 * inverse_unit);
    sum_ratio += e2 * inverse;
    if (with_gradient) {
      const double w = inverse - e2 * inverse * inverse;
      for (size_t k = 0; k < 4; ++k) g[k] += w * ds2[k];
      g[0] -= 2 * e * inverse;
      if (jacobian) {
        add_information({-0.5 * (w * ds2[0] - 2 * e * inverse), -0.5 * w * ds2[1],
                         -0.5 * w * ds2[2], -0.5 * w * ds2[3]},
                        *jacobian, pass.information);
      }
      ds2 = {-2 * p.alpha * e + p.beta * ds2[0], 1 + p.beta * ds2[1], e2 + p.beta * ds2[2],
             s2 + p.beta * ds2[3]};
    }
    s2 = p.omega + p.alpha * e2 + p.beta * s2;
  }
  const double n = static_cast<double>(size);
  const double sum_log = logs.total() + n * std::log(m.mean_square);
  pass.loglik = -0.5 * (n * kLogTwoPi + sum_log + sum_ratio);
  for (size_t k = 0; k < 4; ++k) pass.gradient[k] = -0.5 * g[k];
  return pass;
}

// The optimiser's coordinates: the mean in units of the sample's scale c, the model's
// unconditional variance omega / (1 - alpha - beta) in units of c^2, persistence
// alpha + beta and alpha's share of it, so that every coordinate is of order one. With
// alpha at 0 (no GARCH effect, common in intraday returns) the likelihood is flat along
// the ridge where the unconditional variance stays the sample's; in these coordinates
// that ridge lies along persistence alone, which a quasi-Newton search follows in a few
// steps where in (omega, persistence) it zigzags for tens.
constexpr double kLargestPersistence = 1 - 1e-8;
constexpr double kSmallestVariance = 1e-12, kLargestVariance = 1e4;  // in units of c^2
constexpr size_t kWarmStart = 65536;

GarchParameters from_coordinates(const std::vector<double>& x, double scale) {
  return GarchParameters{x[0] * scale, x[1] * scale * scale * (1 - x[2]), x[2] * x[3],
                         x[2] * (1 - x[3])};
}

Jacobian coordinate_jacobian(const std::vector<double>& x, double scale) {
  const double c2 = scale * scale;
  return {{{scale, 0, 0, 0},
           {0, c2 * (1 - x[2]), -c2 * x[1], 0},
           {0, 0, x[3], x[2]},
           {0, 0, 1 - x[3], -x[2]}}};
}

std::vector<double> to_coordinates(const GarchParameters& p, double scale) {
  const double persistence = p.alpha + p.beta;
  return {p.mu / scale, p.omega / (scale * scale * (1 - persistence)), persistence,
          persistence > 0 ? p.alpha / persistence : 0};
}

// Typical daily and intraday fits: persistence 0.9 to 0.99, alpha 0.02 to 0.1; omega
// where the model's variance is the sample's.
std::vector<GarchParameters> usual_starts(const SampleMoments& m) {
  std::vector<GarchParameters> starts;
  for (const auto& [persistence, alpha] : {std::pair{0.95, 0.05}, {0.9, 0.1}, {0.99, 0.02}}) {
    starts.push_back({m.mean, m.mean_square * (1 - persistence), alpha, persistence - alpha});
  }
  return starts;
}

// Where one search ended.
struct Search {
  GarchParameters parameters;
  double loglik = -INFINITY;
  bool converged = false;
};

// About a standard error of each coordinate: 1 / sqrt of its information, at most the
// box's width (a coordinate the likelihood is flat in has none).
std::vector<double> coordinate_scales(const Pass& at_x, const std::vector<double>& lower,
                                      const std::vector<double>& upper) {
  std::vector<double> scale(4);
  for (size_t i = 0; i < 4; ++i) {
    const double width = upper[i] - lower[i];
    scale[i] = standard_error_scale(at_x.information[i], 1e-8 * width, width);
  }
  return scale;
}

// The L-BFGS search on r[0..n) from one start, in coordinates scaled to the sample (the
// mean in units of its scale c, the unconditional variance in units of c^2, persistence
// and alpha's share), each then divided by its standard error at the start.
Search search_from(const double* r, size_t n, const SampleMoments& m,
                   const GarchParameters& start) {
  const double scale = std::sqrt(m.mean_square), count = static_cast<double>(n);
  const double center = m.mean / scale;
  const std::vector<double> lower{center - 1, kSmallestVariance, 0, 0};
  const std::vector<double> upper{center + 1, kLargestVariance, kLargestPersistence, 1};
  std::vector<double> x0 = to_coordinates(start, scale);
  for (size_t i = 0; i < x0.size(); ++i) x0[i] = std::clamp(x0[i], lower[i], upper[i]);
  const Jacobian at_x0 = coordinate_jacobian(x0, scale);
  const Pass at_start = likelihood_pass(r, n, m, from_coordinates(x0, scale), true, &at_x0);
  // -loglik - n log c: free of the data's scale, so that one relative tolerance serves
  // every series; not divided by n, so that in coordinates of about a standard error the
  // curvature is about 1, as L-BFGS's first step assumes.
  // The best point's log-likelihood as its pass gave it: the fit reports it without
  // another pass.
  double best_value = INFINITY, best_loglik = -INFINITY;
  const SmoothObjective objective = [&](const std::vector<double>& x,
                                        std::vector<double>& gradient) {
    const Pass pass =
        x == x0 ? at_start : likelihood_pass(r, n, m, from_coordinates(x, scale), true);
    const Jacobian jacobian = coordinate_jacobian(x, scale);
    for (size_t j = 0; j < 4; ++j) {
      gradient[j] = 0;
      for (size_t k = 0; k < 4; ++k) gradient[j] -= pass.gradient[k] * jacobian[k][j];
    }
    const double value = -pass.loglik - count * std::log(scale);
    if (value < best_value) best_value = value, best_loglik = pass.loglik;
    return value;
  };
  const GradientMinimum found = scaled_gradient_minimum(
      objective, x0, lower, upper, coordinate_scales(at_start, lower, upper), 1e-12, 400);
  return Search{from_coordinates(found.x, scale), best_loglik, found.converged};
}

// The start of a long sample's search: of the maxima found from each usual start on the
// last kWarmStart returns, the one the whole sample likes best. On a nearly flat ridge
// those maxima lie far apart along it, and refining each on every return cost two to
// three times the passes of refining one; a value pass apiece ranks them.
GarchParameters best_tail_maximum(const double* r, size_t n, const SampleMoments& m) {
  const double* tail = r + n - kWarmStart;
  const SampleMoments tail_moments = sample_moments(tail, kWarmStart);
  GarchParameters best;
  double best_loglik = -INFINITY;
  for (const GarchParameters& start : usual_starts(tail_moments)) {
    const GarchParameters maximum = search_from(tail, kWarmStart, tail_moments, start).parameters;
    const double loglik = likelihood_pass(r, n, m, maximum, false).loglik;
    if (loglik > best_loglik) best = maximum, best_loglik = loglik;
  }
  return best;
}

}  // namespace

std::vector<double> garch_variances(const std::vector<double>& returns, const GarchParameters& p) {
  const SampleMoments m = sample_moments(returns.data(), returns.size());
  const double shift = m.mean - p.mu;
  std::vector<double> s2 = huge_vector<double>(returns.size() + 1);
  s2[0] = m.mean_square + shift * shift;
  for (size_t t = 0; t < returns.size(); ++t) {
    const double e = returns[t] - p.mu;
    s2[t + 1] = p.omega + p.alpha * e * e + p.beta * s2[t];
  }
  return s2;
}

double garch_loglik(const std::vector<double>& returns, const GarchParameters& p) {
  return likelihood_pass(returns.data(), returns.size(), sample_moments(returns.data(), returns.size()), p,
                         false)
      .loglik;
}

GarchFit fit_garch(const std::vector<double>& returns, const std::optional<GarchParameters>& warm_start) {
  assert(!returns.empty());
  // Equal returns: the centred mean square may still be a rounding error above 0.
  const bool constant = std::all_of(returns.begin(), returns.end(), [&](double x) { return x == returns[0]; });
  const SampleMoments m = sample_moments(returns.data(), returns.size());
  if (constant || !(m.mean_square > 0)) throw DataError("the returns do not vary: no GARCH model fits them");
  // On many returns the searches from the usual starts run on the last kWarmStart of
  // them, and one search on all of them: a few passes over all the data instead of a
  // hundred.
  Search best;
  if (warm_start) {
    best = search_from(returns.data(), returns.size(), m, *warm_start);
  } else if (returns.size() > 2 * kWarmStart) {
    best = search_from(returns.data(), returns.size(), m,
                       best_tail_maximum(returns.data(), returns.size(), m));
  } else {
    for (const GarchParameters& start : usual_starts(m)) {
      const Search found = search_from(returns.data(), returns.size(), m, start);
      if (found.loglik > best.loglik) best = found;
    }
  }
  GarchFit fit;
  fit.parameters = best.parameters;
  fit.loglik = best.loglik;
  fit.converged = best.converged;
  return fit;
}

}  // namespace hedgecalc
