#include "hedgecalc/garch.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>


#include "gradient_minimum.hpp"
#include "hedgecalc/error.hpp"
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
};

Pass likelihood_pass(const double* r, size_t size, const SampleMoments& m, const GarchParameters& p,
                     bool with_gradient) {
  const double shift = m.mean - p.mu;
  double s2 = m.mean_square + shift * shift;
  std::array<double, 4> ds2{-2 * shift, 0, 0, 0};  // d s2_t / d(mu, omega, alpha, beta)
  std::array<double, 4> g{};
  // log s2_t = log(s2_t / v) + log v, with v the sample's mean square: the ratios are
  // near 1, as LogSum likes them.
  LogSum logs;
  const double inverse_unit = 1 / m.mean_square;
  double sum_ratio = 0;
  for (size_t t = 0; t < size; ++t) {
    if (with_gradient && t % kFlushEvery == 0) flush_subnormal(ds2);
    const double e = r[t] - p.mu, e2 = e * e, inverse = 1 / s2;
    logs.add(s2 * inverse_unit);
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
  const double n = static_cast<double>(size);
  const double sum_log = logs.total() + n * std::log(m.mean_square);
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
constexpr size_t kWarmStart = 65536;

GarchParameters from_coordinates(const std::vector<double>& x, double scale) {
  return GarchParameters{x[0] * scale, x[1] * scale * scale, x[2] * x[3], x[2] * (1 - x[3])};
}

std::vector<double> to_coordinates(const GarchParameters& p, double scale) {
  const double persistence = p.alpha + p.beta;
  return {p.mu / scale, p.omega / (scale * scale), persistence, persistence > 0 ? p.alpha / persistence : 0};
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

struct Search {
  GarchParameters parameters;
  bool converged = false;
};

// The best of the L-BFGS runs from each start on r[0..n), in coordinates scaled to the
// sample (the mean and omega in units of its scale c; persistence and alpha's share).
Search best_fit(const double* r, size_t n, const std::vector<GarchParameters>& starts) {
  const SampleMoments m = sample_moments(r, n);
  const double scale = std::sqrt(m.mean_square), count = static_cast<double>(n);
  // Minimise -loglik / n - log c: free of the data's scale and count, so that one
  // tolerance serves every series.
  const SmoothObjective objective = [&](const std::vector<double>& x, std::vector<double>& gradient) {
    const Pass pass = likelihood_pass(r, n, m, from_coordinates(x, scale), true);
    const std::array<double, 4>& g = pass.gradient;
    const double alpha_of_p = x[3], beta_of_p = 1 - x[3];
    gradient = {-g[0] * scale / count, -g[1] * scale * scale / count,
                -(g[2] * alpha_of_p + g[3] * beta_of_p) / count, -(g[2] - g[3]) * x[2] / count};
    return -pass.loglik / count - std::log(scale);
  };
  const double center = m.mean / scale;
  const std::vector<double> lower{center - 1, kSmallestOmega, 0, 0};
  const std::vector<double> upper{center + 1, 100, kLargestPersistence, 1};
  GradientMinimum best;
  best.value = INFINITY;
  for (const GarchParameters& start : starts) {
    std::vector<double> x0 = to_coordinates(start, scale);
    for (size_t i = 0; i < x0.size(); ++i) x0[i] = std::clamp(x0[i], lower[i], upper[i]);
    GradientMinimum found = gradient_minimum(objective, x0, lower, upper, 1e-12, 400);
    if (found.value < best.value) best = found;
  }
  return Search{from_coordinates(best.x, scale), best.converged};
}

}  // namespace

std::vector<double> garch_variances(const std::vector<double>& returns, const GarchParameters& p) {
  const SampleMoments m = sample_moments(returns.data(), returns.size());
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
  // On many returns the search from several starts runs on the last kWarmStart of them,
  // and the whole sample's search starts from its best: a few passes over all the data
  // instead of a hundred.
  std::vector<GarchParameters> starts = usual_starts(m);
  if (warm_start) {
    starts = {*warm_start};
  } else if (returns.size() > 2 * kWarmStart) {
    const double* tail = returns.data() + returns.size() - kWarmStart;
    starts.clear();
    for (const GarchParameters& start : usual_starts(sample_moments(tail, kWarmStart))) {
      starts.push_back(best_fit(tail, kWarmStart, {start}).parameters);
    }
  }
  const Search best = best_fit(returns.data(), returns.size(), starts);
  GarchFit fit;
  fit.parameters = best.parameters;
  fit.loglik = garch_loglik(returns, fit.parameters);
  fit.converged = best.converged;
  return fit;
}

}  // namespace hedgecalc
