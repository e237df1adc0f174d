#pragma once
// Ordinary least squares of y on the columns of X, solved by a column-pivoting
// Householder QR of the centred design (never the normal equations inverted).

#include <Eigen/Dense>
#include <vector>

namespace hedgecalc {

/// The fit and the pieces the classical standard errors are built from.
struct OlsFit {
  Eigen::VectorXd coefficients;  ///< one slope per column of X
  Eigen::VectorXd std_errors;    ///< classical: sqrt(diag(s^2 (X'X)^-1))
  double intercept = 0;          ///< 0 when fitted without one
  Eigen::VectorXd residuals;     ///< y - intercept - X b
  double ssr = 0;                ///< sum of squared residuals
  double tss = 0;                ///< total sum of squares (centred with an intercept)
  double r_squared = 0;          ///< 1 - ssr/tss (NaN when tss is 0)
  long dof = 0;                  ///< residual degrees of freedom, n - k - intercept
  long rank = 0;                 ///< numerical rank of the (centred) design
};

/// Fits y on X (n x k), with an intercept unless told not to. Returns rank < k
/// instead of throwing when the columns are linearly dependent; the caller decides.
OlsFit fit_ols(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool intercept);

/// Newey-West standard errors of the slopes (Bartlett kernel, weights 1 - l/(lags+1),
/// no small-sample factor: statsmodels' cov_type='HAC' defaults). With an intercept
/// the sandwich is built on the centred design, whose slope block is the same.
Eigen::VectorXd hac_std_errors(const Eigen::MatrixXd& X, const OlsFit& fit, bool intercept,
                               long lags);

/// The default Newey-West lag length floor(4 (n/100)^(2/9)).
long default_hac_lags(long n);

/// The indices (into X's columns) that the pivoted QR found to depend on the others.
std::vector<long> dependent_columns(const Eigen::MatrixXd& X, bool intercept);

}  // namespace hedgecalc
