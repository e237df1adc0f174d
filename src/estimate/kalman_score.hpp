#pragma once
// The Kalman filter's log-likelihood with its gradient, for the maximum-likelihood fit
// of --kalman: each parameter's derivative of the state, its covariance and the
// innovations follows the filter step by step (forward mode), so one pass gives the
// value and all three derivatives. The three derivative recursions do not depend on
// each other, so the pass costs little more than the filter alone.

#include <array>
#include <cstddef>

#include "hedgecalc/kalman.hpp"

namespace hedgecalc {

/// The log-likelihood and its derivatives with respect to log r, log q_ratio and
/// log q_intercept (the last 0 without an intercept).
struct KalmanScore {
  double loglik = 0;
  std::array<double, 3> gradient{};
  /// The sum over returns of each one-step term's derivative squared: the diagonal of
  /// the outer-product estimate of the information, the curvature a search starts from.
  std::array<double, 3> information{};
};

/// One pass of the filter over the first `size` returns from y and x: the
/// log-likelihood kalman_loglik computes (to rounding), with its gradient.
KalmanScore kalman_score(const double* y, const double* x, size_t size, bool intercept,
                         const KalmanVariances& variances);

/// The builds of the pass: each rounds alike and gives the same bits.
enum class ScorePass { kPortable, kAvx2, kAvx512 };

/// Whether this processor runs `pass` (kalman_score takes the fastest that it runs).
bool cpu_runs(ScorePass pass);

/// Test seam: kalman_score with the given build of the pass, which the processor must run.
KalmanScore kalman_score_with(ScorePass pass, const double* y, const double* x, size_t size,
                              bool intercept, const KalmanVariances& variances);

}  // namespace hedgecalc
