#pragma once
// --kalman: a hedge ratio that drifts as a random walk (the contract "More time-varying
// estimators"). r_T,t = a_t + h_t r_P,t + e_t, e_t ~ N(0, R); (a_t, h_t) a random walk
// with covariance diag(q_a, q_h); --no-intercept drops a_t. The filter starts from
// mean 0 and covariance 1e6 I, and the log-likelihood leaves out the first k one-step
// terms, as statsmodels' state-space models with a known initialisation and
// loglikelihood_burn = k.
//
// Warm-up: none (the first values carry the diffuse start's huge variance); output
// length = input length.

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// The variances of the model.
struct KalmanVariances {
  double q_intercept = 0;  ///< q_a (ignored without an intercept)
  double q_ratio = 0;      ///< q_h
  double r = 0;            ///< R
};

/// Filtered values per date, and the log-likelihood.
struct KalmanSeries {
  KalmanVariances variances;
  bool estimated = false;           ///< maximum-likelihood variances
  bool converged = true;            ///< false: the search stopped early, at its best point
  double loglik = 0;
  std::vector<double> hedge_ratio;  ///< h_{t|t}
  std::vector<double> std_error;    ///< sqrt of h's filtered variance
  std::vector<double> intercept;    ///< a_{t|t} (0 without an intercept)
};

/// The filter fed one return at a time, with known variances: what kalman_filter
/// computes for each date, for a caller that gets the returns as they arrive.
class KalmanRecursion {
 public:
  KalmanRecursion(bool intercept, const KalmanVariances& variances);
  ~KalmanRecursion();
  KalmanRecursion(KalmanRecursion&&) noexcept;
  KalmanRecursion& operator=(KalmanRecursion&&) noexcept;
  /// Takes the next pair of returns.
  void push(double target, double proxy);
  /// h after the returns so far (0 before the first).
  double hedge_ratio() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Runs the filter with the given variances.
KalmanSeries kalman_filter(const std::vector<double>& target, const std::vector<double>& proxy,
                           bool intercept, const KalmanVariances& variances);

/// The log-likelihood alone (what the estimation maximises).
double kalman_loglik(const std::vector<double>& target, const std::vector<double>& proxy,
                     bool intercept, const KalmanVariances& variances);

/// kalman_loglik over the first n returns for each set of variances, to the bit: the
/// filters step side by side, up to three in one pass on each of the executor's threads
/// (each return's step waits on the last, so a processor overlaps a few such chains in
/// about the time of one).
std::vector<double> kalman_logliks(const double* target, const double* proxy, size_t n,
                                   bool intercept, const std::vector<KalmanVariances>& variances,
                                   const Executor& executor);

/// Maximum-likelihood variances (L-BFGS with the likelihood's gradient, on their
/// logarithms, from the best of a grid of starting points, or from warm_start alone when
/// given: the last fit of a growing sample), then the filter with them; the starting
/// points' passes run on the executor's threads. Throws DataError when the returns are
/// too few (fewer than k + 2).
KalmanSeries kalman_estimate(const std::vector<double>& target, const std::vector<double>& proxy,
                             bool intercept,
                             const std::optional<KalmanVariances>& warm_start = std::nullopt,
                             const Executor& executor = Executor(1));

/// The fewest returns kalman_estimate takes: k + 2 for k coefficients.
size_t kalman_min_returns(bool intercept);

/// ratio[t0 - 1] for each rebalancing date t0 = first, first + K, ... < n: the filtered
/// ratio at t0 - 1 under variances estimated on the returns before a rebalancing date,
/// t0 or an earlier one (the first, then each by which the sample has grown by a quarter
/// since the last estimate, warm-started from it); NaN on the other dates.
std::vector<double> kalman_out_of_sample(const std::vector<double>& target,
                                         const std::vector<double>& proxy, bool intercept,
                                         size_t first, size_t rebalance);

}  // namespace hedgecalc
