#include "ols.hpp"

#include <cmath>
#include <limits>

namespace hedgecalc {

namespace {

// Two-pass column means (the second pass corrects the first's rounding).
Eigen::VectorXd column_means(const Eigen::MatrixXd& X) {
  Eigen::VectorXd mean = X.colwise().mean().transpose();
  mean += (X.rowwise() - mean.transpose()).colwise().mean().transpose();
  return mean;
}

// X centred when the model has an intercept (FWL: same slopes, same slope covariance).
Eigen::MatrixXd design(const Eigen::MatrixXd& X, bool intercept) {
  if (!intercept) return X;
  return X.rowwise() - column_means(X).transpose();
}

Eigen::ColPivHouseholderQR<Eigen::MatrixXd> decompose(const Eigen::MatrixXd& Xc) {
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(Xc);
  // Relative to the largest pivot: an exactly constant or duplicated column is
  // rank-deficient whatever its scale.
  qr.setThreshold(std::numeric_limits<double>::epsilon() * static_cast<double>(Xc.rows()));
  return qr;
}

// (X'X)^-1 = P R^-1 R^-T P' from X P = Q R.
Eigen::MatrixXd inverse_gram(const Eigen::ColPivHouseholderQR<Eigen::MatrixXd>& qr, Eigen::Index k) {
  const Eigen::MatrixXd R = qr.matrixR().topLeftCorner(k, k).triangularView<Eigen::Upper>();
  const Eigen::MatrixXd R_inv =
      R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
  return qr.colsPermutation() * (R_inv * R_inv.transpose()) * qr.colsPermutation().transpose();
}

}  // namespace

long default_hac_lags(long n) {
  return static_cast<long>(std::floor(4.0 * std::pow(static_cast<double>(n) / 100.0, 2.0 / 9.0)));
}

std::vector<long> dependent_columns(const Eigen::MatrixXd& X, bool intercept) {
  const auto qr = decompose(design(X, intercept));
  std::vector<long> dependent;
  for (Eigen::Index i = qr.rank(); i < X.cols(); ++i) {
    dependent.push_back(static_cast<long>(qr.colsPermutation().indices()[i]));
  }
  return dependent;
}

Eigen::VectorXd hac_std_errors(const Eigen::MatrixXd& X, const OlsFit& fit, bool intercept,
                               long lags) {
  const Eigen::MatrixXd Xc = design(X, intercept);
  const Eigen::Index n = Xc.rows(), k = Xc.cols();
  // Scores u_t = x_t e_t; S = sum_t u_t u_t' + sum_l w_l sum_t (u_t u_{t-l}' + u_{t-l} u_t').
  const Eigen::MatrixXd U = Xc.array().colwise() * fit.residuals.array();
  Eigen::MatrixXd S = U.transpose() * U;
  for (long l = 1; l <= lags && l < n; ++l) {
    const double weight = 1.0 - static_cast<double>(l) / static_cast<double>(lags + 1);
    const Eigen::MatrixXd gamma = U.bottomRows(n - l).transpose() * U.topRows(n - l);
    S += weight * (gamma + gamma.transpose());
  }
  const Eigen::MatrixXd bread = inverse_gram(decompose(Xc), k);
  return (bread * S * bread).diagonal().array().sqrt();
}

OlsFit fit_ols(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool intercept) {
  const Eigen::Index n = X.rows();
  const Eigen::Index k = X.cols();
  OlsFit fit;

  // Centring first makes the slopes those of the model with an intercept and keeps
  // a large common level out of the decomposition (two-pass, like the moments).
  const Eigen::VectorXd x_mean = intercept ? column_means(X) : Eigen::VectorXd::Zero(k);
  double y_mean = 0;
  if (intercept) {
    y_mean = y.mean();
    y_mean += (y.array() - y_mean).mean();
  }
  const Eigen::MatrixXd Xc = design(X, intercept);
  const Eigen::VectorXd yc = y.array() - y_mean;

  const auto qr = decompose(Xc);
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
    const double s2 = fit.ssr / static_cast<double>(fit.dof);
    fit.std_errors = (s2 * inverse_gram(qr, k).diagonal()).array().sqrt();
  }
  return fit;
}

}  // namespace hedgecalc
