// The gradient pass of --kalman's likelihood (src/estimate/kalman_score.*) against the
// filter itself: its value is kalman_loglik's, and each derivative is the limit of
// central differences of kalman_loglik in that log-variance (Richardson-extrapolated).

#include "estimate/kalman_score.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace hedgecalc;

namespace {

// Returns with a slowly drifting ratio and intercept, so that no variance is at 0.
void simulate(size_t n, std::vector<double>& y, std::vector<double>& x) {
  std::mt19937_64 rng(20261203);
  std::normal_distribution<double> normal;
  double ratio = 0.8, alpha = 1e-4;
  for (size_t t = 0; t < n; ++t) {
    ratio += 0.002 * normal(rng);
    alpha += 2e-5 * normal(rng);
    x.push_back(0.01 * normal(rng));
    y.push_back(alpha + ratio * x.back() + 0.004 * normal(rng));
  }
}

KalmanVariances moved(KalmanVariances v, size_t parameter, double log_step) {
  double& value = parameter == 0 ? v.r : parameter == 1 ? v.q_ratio : v.q_intercept;
  value *= std::exp(log_step);
  return v;
}

// d loglik / d log(variance `parameter`) by central differences, extrapolated.
double numeric_derivative(const std::vector<double>& y, const std::vector<double>& x, bool intercept,
                          const KalmanVariances& v, size_t parameter) {
  auto central = [&](double step) {
    return (kalman_loglik(y, x, intercept, moved(v, parameter, step)) -
            kalman_loglik(y, x, intercept, moved(v, parameter, -step))) /
           (2 * step);
  };
  const double coarse = central(2e-3), fine = central(1e-3);
  return fine + (fine - coarse) / 3;
}

}  // namespace

TEST_CASE("the Kalman score is the likelihood's value and gradient", "[kalman]") {
  std::vector<double> y, x;
  simulate(3000, y, x);
  const KalmanVariances v{4e-10, 4e-6, 1.6e-5};
  for (const bool intercept : {true, false}) {
    INFO("intercept " << intercept);
    const KalmanScore score = kalman_score(y.data(), x.data(), y.size(), intercept, v);
    CHECK(score.loglik == Approx(kalman_loglik(y, x, intercept, v)).epsilon(1e-13));
    for (size_t j = 0; j < (intercept ? 3u : 2u); ++j) {
      INFO("parameter " << j);
      const double expected = numeric_derivative(y, x, intercept, v, j);
      CHECK(score.gradient[j] == Approx(expected).epsilon(1e-6).margin(1e-6));
    }
    if (!intercept) CHECK(score.gradient[2] == 0);
  }
}

TEST_CASE("the Kalman score of a short sample counts only the terms after the burn-in", "[kalman]") {
  // Four returns, all in the diffuse start: the first update subtracts numbers near 1e6
  // to leave some near 1e-4, so even in long double the two passes agree to about 1e-10
  // only (they round the gain differently), and the differences to about 1e-7.
  const std::vector<double> y{0.02, -0.01, 0.03, 0.01}, x{0.01, -0.02, 0.02, 0.015};
  const KalmanVariances v{1e-4, 1e-3, 1e-5};
  for (const bool intercept : {true, false}) {
    INFO("intercept " << intercept);
    const KalmanScore score = kalman_score(y.data(), x.data(), y.size(), intercept, v);
    CHECK(score.loglik == Approx(kalman_loglik(y, x, intercept, v)).epsilon(1e-10));
    for (size_t j = 0; j < (intercept ? 3u : 2u); ++j) {
      CHECK(score.gradient[j] == Approx(numeric_derivative(y, x, intercept, v, j)).epsilon(1e-5).margin(1e-7));
    }
  }
}

TEST_CASE("every build of the Kalman score gives the portable one's bits", "[kalman]") {
  std::vector<double> y, x;
  simulate(5000, y, x);
  const KalmanVariances v{4e-10, 4e-6, 1.6e-5};
  for (const ScorePass pass : {ScorePass::kAvx2, ScorePass::kAvx512}) {
    if (!cpu_runs(pass)) continue;
    for (const bool intercept : {true, false}) {
      INFO("build " << static_cast<int>(pass) << ", intercept " << intercept);
      const KalmanScore fast = kalman_score_with(pass, y.data(), x.data(), y.size(), intercept, v);
      const KalmanScore portable =
          kalman_score_with(ScorePass::kPortable, y.data(), x.data(), y.size(), intercept, v);
      CHECK(fast.loglik == portable.loglik);
      for (size_t j = 0; j < 3; ++j) {
        CHECK(fast.gradient[j] == portable.gradient[j]);
        CHECK(fast.information[j] == portable.information[j]);
      }
    }
  }
}

TEST_CASE("a long sample's Kalman fit is a stationary maximum above the true variances'",
          "[kalman]") {
  // 140,000 returns: past the 131,072 beyond which the search runs on the last 65,536
  // and is carried to the whole sample. Its maximum must beat the likelihood at the
  // variances that made the data, and the gradient there must vanish: below 0.01
  // standard errors (the outer-product information's) in each log-variance that is not
  // at its floor.
  std::vector<double> y, x;
  simulate(140000, y, x);
  const KalmanVariances truth{0.004 * 0.004, 0.002 * 0.002, 2e-5 * 2e-5};
  const KalmanSeries fit = kalman_estimate(y, x, true);
  CHECK(fit.converged);
  CHECK(fit.loglik >= kalman_loglik(y, x, true, truth));
  const KalmanScore score = kalman_score(y.data(), x.data(), y.size(), true, fit.variances);
  CHECK(score.loglik == Approx(fit.loglik).epsilon(1e-12));
  for (size_t j = 0; j < 3; ++j) {
    INFO("parameter " << j);
    CHECK(std::fabs(score.gradient[j]) < 0.01 * std::sqrt(score.information[j]));
  }
  // The ratio's drift is found near its true size (within a factor of 2).
  CHECK(fit.variances.q_ratio == Approx(truth.q_ratio).epsilon(1.0));
}
