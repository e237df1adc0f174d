#include "hedgecalc/ols.hpp"

#include <cmath>
#include <limits>

namespace hedgecalc {

OlsFit fit_ols(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool intercept) {
  const Eigen::Index n = X.rows();
  const Eigen::Index k = X.cols();
  OlsFit fit;

  // Centring first makes the slopes those of the model with an intercept and keeps
  // a large common level out of the decomposition (two-pass, like the moments).
  Eigen::VectorXd x_mean = Eigen::VectorXd::Zero(k);
  double y_mean = 0;
  if (intercept) {
    x_mean = X.colwise().mean().transpose();
    x_mean += (X.rowwise() - x_mean.transpose()).colwise().mean().transpose();
    y_mean = y.mean();
    y_mean += (y.array() - y_mean).mean();
  }
  const Eigen::MatrixXd Xc = X.rowwise() - x_mean.transpose();
  const Eigen::VectorXd yc = y.array() - y_mean;

  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(Xc);
  // An exactly constant column is rank-deficient whatever its scale.
  qr.setThreshold(std::numeric_limits<double>::epsilon() * static_cast<double>(n));
  fit.rank = qr.rank();
  fit.dof = static_cast<long>(n - k - (intercept ? 1 : 0));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  fit.coefficients = Eigen::VectorXd::Constant(k, nan);
  fit.std_errors = Eigen::VectorXd::Constant(k, nan);
  fit.intercept = intercept ? nan : 0.0;
  fit.tss = yc.squaredNorm();
  if (fit.rank < k) return fit;

  fit.coefficients = qr.solve(yc);
  fit.intercept = intercept ? y_mean - x_mean.dot(fit.coefficients) : 0.0;
  fit.residuals = yc - Xc * fit.coefficients;
  fit.ssr = fit.residuals.squaredNorm();
  fit.r_squared = fit.tss > 0 ? 1.0 - fit.ssr / fit.tss : nan;
  if (fit.dof > 0) {
    // (X'X)^-1 = P R^-1 R^-T P' from X P = Q R.
    const Eigen::MatrixXd R = qr.matrixR().topLeftCorner(k, k).triangularView<Eigen::Upper>();
    const Eigen::MatrixXd R_inv =
        R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
    const Eigen::MatrixXd inverse_permuted = R_inv * R_inv.transpose();
    const Eigen::MatrixXd xtx_inverse =
        qr.colsPermutation() * inverse_permuted * qr.colsPermutation().transpose();
    const double s2 = fit.ssr / static_cast<double>(fit.dof);
    fit.std_errors = (s2 * xtx_inverse.diagonal()).array().sqrt();
  }
  return fit;
}

}  // namespace hedgecalc
