#include "hedgecalc/garch.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>


#include "gradient_minimum.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {

namespace {

constexpr double kLogTwoPi = 1.8378770664093454836;  // log(2 pi)

// The sample's mean and centred mean square, from which s2_1 = mean (r - mu)^2 follows
// for any mu without another pass: v + (mean - mu)^2.
struct SampleMoments {
  double mean = 0, mean_square = 0;
};

SampleMoments sample_moments(const std::vector<double>& r) {
  SampleMoments m;
  for (double x : r) m.mean += x;
  m.mean /= static_cast<double>(r.size());
  for (double x : r) m.mean_square += (x - m.mean) * (x - m.mean);
  m.mean_square /= static_cast<double>(r.size());
  return m;
}

// The log-likelihood and its gradient in (mu, omega, alpha, beta), in one pass: the
// derivatives of s2_t follow the same recursion as s2_t itself.
struct Pass {
  double loglik = 0;
  std::array<double, 4> gradient{};
};

Pass likelihood_pass(const std::vector<double>& r, const SampleMoments& m, const GarchParameters& p,
                     bool with_gradient) {
  const double shift = m.mean - p.mu;
  double s2 = m.mean_square + shift * shift;
  std::array<double, 4> ds2{-2 * shift, 0, 0, 0};  // d s2_t / d(mu, omega, alpha, beta)
  std::array<double, 4> g{};
  double sum_log = 0, sum_ratio = 0;
  for (double x : r) {
    const double e = x - p.mu, e2 = e * e, inverse = 1 / s2;
    sum_log += std::log(s2);
    sum_ratio += e2 * inverse;
    if (with_gradient) {
      const double w = inverse - e2 * inverse * inverse;
      for (size_t k = 0; k < 4; ++k) g[k] += w * ds2[k];
      g[0] -= 2 * e * inverse;
      ds2 = {-2 * p.alpha * e + p.beta * ds2[0], 1 + p.beta * ds2[1], e2 + p.beta * ds2[2],
             s2 + p.beta * ds2[3]};
    }
    s2 = p.omega + p.alpha * e2 + p.beta * s2;
  }
  const double n = static_cast<double>(r.size());
  Pass pass;
  pass.loglik = -0.5 * (n * kLogTwoPi + sum_log + sum_ratio);
  for (size_t k = 0; k < 4; ++k) pass.gradient[k] = -0.5 * g[k];
  return pass;
}

// The optimiser's coordinates: the mean and omega in units of the sample's scale c,
// persistence alpha + beta and alpha's share of it, so that the box holds exactly the
// admissible models and every coordinate is of order one.
constexpr double kLargestPersistence = 1 - 1e-8;
constexpr double kSmallestOmega = 1e-12;  // in units of c^2

GarchParameters from_coordinates(const std::vector<double>& x, double scale) {
  return GarchParameters{x[0] * scale, x[1] * scale * scale, x[2] * x[3], x[2] * (1 - x[3])};
}

}  // namespace

std::vector<double> garch_variances(const std::vector<double>& returns, const GarchParameters& p) {
  const SampleMoments m = sample_moments(returns);
  const double shift = m.mean - p.mu;
  std::vector<double> s2(returns.size() + 1);
  s2[0] = m.mean_square + shift * shift;
  for (size_t t = 0; t < returns.size(); ++t) {
    const double e = returns[t] - p.mu;
    s2[t + 1] = p.omega + p.alpha * e * e + p.beta * s2[t];
  }
  return s2;
}

double garch_loglik(const std::vector<double>& returns, const GarchParameters& p) {
  return likelihood_pass(returns, sample_moments(returns), p, false).loglik;
}

GarchFit fit_garch(const std::vector<double>& returns) {
  assert(!returns.empty());
  const SampleMoments m = sample_moments(returns);
  // Equal returns: the centred mean square may still be a rounding error above 0.
  const bool constant = std::all_of(returns.begin(), returns.end(), [&](double x) { return x == returns[0]; });
  if (constant || !(m.mean_square > 0)) throw DataError("the returns do not vary: no GARCH model fits them");
  const double scale = std::sqrt(m.mean_square), n = static_cast<double>(returns.size());
  // Minimise -loglik / n - log c: free of the data's scale and count, so that one
  // relative tolerance serves every series.
  const SmoothObjective objective = [&](const std::vector<double>& x, std::vector<double>& gradient) {
    const Pass pass = likelihood_pass(returns, m, from_coordinates(x, scale), true);
    const std::array<double, 4>& g = pass.gradient;
    const double alpha_of_p = x[3], beta_of_p = 1 - x[3];
    gradient = {-g[0] * scale / n, -g[1] * scale * scale / n,
                -(g[2] * alpha_of_p + g[3] * beta_of_p) / n, -(g[2] - g[3]) * x[2] / n};
    return -pass.loglik / n - std::log(scale);
  };
  const double center = m.mean / scale;
  const std::vector<double> lower{center - 1, kSmallestOmega, 0, 0};
  const std::vector<double> upper{center + 1, 100, kLargestPersistence, 1};
  // Typical daily and intraday fits: persistence 0.9 to 0.99, alpha 0.02 to 0.1;
  // omega starts where the model's variance is the sample's.
  constexpr std::array<std::array<double, 2>, 3> kStarts{{{0.95, 0.05}, {0.9, 0.1}, {0.99, 0.02}}};
  GradientMinimum best;
  best.value = INFINITY;
  for (const auto& [persistence, alpha] : kStarts) {
    const std::vector<double> x0{center, 1 - persistence, persistence, alpha / persistence};
    GradientMinimum found = gradient_minimum(objective, x0, lower, upper, 1e-13, 400);
    if (found.value < best.value) best = found;
  }
  GarchFit fit;
  fit.parameters = from_coordinates(best.x, scale);
  fit.loglik = garch_loglik(returns, fit.parameters);
  fit.converged = best.converged;
  return fit;
}

}  // namespace hedgecalc
