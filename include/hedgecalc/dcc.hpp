#pragma once
// --dcc: the conditional hedge ratio of a bivariate GARCH(1,1) with dynamic conditional
// correlation (Engle 2002), fitted in two steps (the contract "Conditional hedge
// ratios"): a GARCH(1,1) per series (garch.hpp), then on z_t = e_t / s_t
// Q_t = (1 - a - b) Qbar + a z_{t-1} z_{t-1}' + b Q_{t-1}, Q_1 = Qbar = the sample
// correlation of z, and R_t = Q_t scaled to unit diagonal. The ratio for date t,
// h_t = rho_t s_T,t / s_P,t, uses returns up to t - 1 only (Kroner and Sultan 1993).

#include <cstddef>
#include <optional>
#include <vector>

#include "hedgecalc/executor.hpp"
#include "hedgecalc/garch.hpp"

namespace hedgecalc {

/// The fewest returns a fit takes (the contract's).
constexpr size_t kDccMinReturns = 100;

/// The correlation dynamics.
struct DccParameters {
  double a = 0, b = 0;
};

/// The second step: the correlation dynamics fitted to standardized residuals.
struct DccCorrelationFit {
  DccParameters parameters;
  double loglik = 0;  ///< -1/2 sum(log|R_t| + z_t' R_t^-1 z_t - z_t' z_t)
  bool converged = false;
};

/// The model's values per date t = 1..n, then the forecast for n + 1 (n + 1 values
/// each): rho_t, s_T,t, s_P,t and h_t = rho_t s_T,t / s_P,t.
struct DccPath {
  std::vector<double> correlation, target_vol, proxy_vol, hedge_ratio;
};

/// Both steps, and the model's values per date.
struct DccFit : DccPath {
  GarchFit target, proxy;
  DccCorrelationFit correlation_fit;
  double loglik = 0;  ///< the bivariate Gaussian log-likelihood: both GARCH fits + the second step
  bool converged() const { return target.converged && proxy.converged && correlation_fit.converged; }
};

/// rho_1 .. rho_n, then rho_{n+1}: n + 1 values.
std::vector<double> dcc_correlations(const std::vector<double>& z_target,
                                     const std::vector<double>& z_proxy, const DccParameters& p);

/// The second-step log-likelihood at p.
double dcc_loglik(const std::vector<double>& z_target, const std::vector<double>& z_proxy,
                  const DccParameters& p);

/// The maximum of the second-step likelihood over a, b >= 0, a + b < 1, from several
/// starts, or from warm_start alone when given.
DccCorrelationFit fit_dcc_correlation(const std::vector<double>& z_target,
                                      const std::vector<double>& z_proxy,
                                      const std::optional<DccParameters>& warm_start = std::nullopt);

/// z_t = (r_t - mu) / s_t for t = 1..n under p.
std::vector<double> standardized_residuals(const std::vector<double>& returns, const GarchParameters& p);

/// standardized_residuals from the variances garch_variances(returns, p) already made.
std::vector<double> standardized_residuals(const std::vector<double>& returns,
                                           const GarchParameters& p,
                                           const std::vector<double>& variances);

/// The values per date of the model with these parameters.
DccPath dcc_path(const std::vector<double>& target, const std::vector<double>& proxy,
                 const GarchParameters& target_model, const GarchParameters& proxy_model,
                 const DccParameters& dynamics);

/// Both steps on the returns (at least kDccMinReturns; throws DataError when a series
/// does not vary); the two GARCH fits side by side on the executor's threads.
DccFit fit_dcc(const std::vector<double>& target, const std::vector<double>& proxy,
               const Executor& executor = Executor(1));

}  // namespace hedgecalc
