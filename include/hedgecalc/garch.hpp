#pragma once
// GARCH(1,1) with a constant mean, by Gaussian quasi-maximum likelihood (the contract
// "Conditional hedge ratios"): e_t = r_t - mu, s2_t = omega + alpha e2_{t-1} + beta s2_{t-1},
// omega > 0, alpha, beta >= 0, alpha + beta < 1, s2_1 = the mean of e_t^2 over the sample.
// The first step of --dcc, one series at a time.

#include <cstddef>
#include <optional>
#include <vector>

namespace hedgecalc {

/// The parameters of one series' model.
struct GarchParameters {
  double mu = 0, omega = 0, alpha = 0, beta = 0;
};

/// The fitted model of one series.
struct GarchFit {
  GarchParameters parameters;
  double loglik = 0;       ///< -1/2 sum(log 2 pi + log s2_t + e2_t / s2_t)
  bool converged = false;  ///< false: the optimiser stopped early; parameters are its best point
};

/// s2_1 .. s2_n for the returns, then s2_{n+1}, the forecast: n + 1 values.
std::vector<double> garch_variances(const std::vector<double>& returns, const GarchParameters& p);

/// The log-likelihood of the returns at p.
double garch_loglik(const std::vector<double>& returns, const GarchParameters& p);

/// The maximum-likelihood parameters, from several starts, or from warm_start alone
/// when given (the last fit of a growing sample). Throws DataError when the returns do
/// not vary.
GarchFit fit_garch(const std::vector<double>& returns,
                   const std::optional<GarchParameters>& warm_start = std::nullopt);

}  // namespace hedgecalc
