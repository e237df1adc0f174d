#pragma once
// Ordinary least squares of y on the columns of X, solved by a column-pivoting
// Householder QR of the centred design (never the normal equations inverted).

#include <Eigen/Dense>

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

}  // namespace hedgecalc
