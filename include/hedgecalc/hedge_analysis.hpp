#pragma once
// Step 4: the minimum-variance hedge of the target by one proxy or a basket, and
// every statistic of the contract's "One analysis" table.

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// Settings of the estimation.
struct HedgeOptions {
  bool intercept = true;
  double confidence = 0.95;  ///< level of the t-interval for each hedge ratio
  bool hac = false;          ///< --se hac: Newey-West standard errors
  std::optional<long> hac_lags;  ///< Newey-West lags; none: floor(4 (n/100)^(2/9))
};

/// Above this condition number of the standardized proxies, a basket gets a warning
/// (Belsley, Kuh and Welsch's rule of thumb for harmful collinearity).
constexpr double kCollinearityWarning = 30.0;

/// One proxy's ratio and its inference.
struct ProxyEstimate {
  double hedge_ratio;
  double std_error;
  double t_stat;
  double ci_low;
  double ci_high;
};

/// Everything one analysis prints; NaN marks an undefined value.
struct HedgeAnalysis {
  size_t n = 0;
  Timestamp start = 0, end = 0;
  bool date_only = true;  ///< every return timestamp is a UTC midnight
  double confidence = 0.95;
  std::vector<ProxyEstimate> proxies;
  double intercept = 0;
  double correlation = 0;  ///< target vs the proxy (single proxy only; NaN for a basket)
  double r_squared = 0;
  double effectiveness = 0;  ///< 1 - var(r_T - h'r_P) / var(r_T)
  double vol_target = 0, vol_proxy = 0, vol_hedged = 0;
  bool intercept_fitted = true;
  bool hac = false;
  long hac_lags = 0;            ///< lags used with --se hac
  double condition_number = 1;  ///< of the centred proxies scaled to unit length
  long dof = 0;                 ///< residual degrees of freedom of the t-interval
  std::vector<std::string> warnings;  ///< for stderr (near-collinear proxies)
};

/// Fits the hedge on returns (values[0] the target, the rest proxies). labels name
/// the series in the same order for error messages. Throws DataError for fewer than
/// 3 returns, a proxy with zero variance or linearly dependent proxies.
HedgeAnalysis analyse_hedge(const ReturnSeries& returns, const std::vector<std::string>& labels,
                            const HedgeOptions& options);

/// The two-sided Student-t critical value for the level and degrees of freedom.
double t_critical_value(double confidence, double degrees_of_freedom);

/// Condition number (largest over smallest singular value) of X's columns after
/// centring (with an intercept) and scaling each to unit length: 1 for orthogonal
/// proxies, infinite for collinear ones, and free of the units the proxies move in.
double standardized_condition_number(const Eigen::MatrixXd& X, bool intercept);

}  // namespace hedgecalc
