#include <algorithm>
#include <cmath>
#include <string>

#include "hedgecalc/error.hpp"
#include "hedgecalc/monitor.hpp"

namespace hedgecalc {
namespace {

// strucchange's sdev(e, df): sd(e) sqrt((n - 1) / df), the residuals centred on their
// mean (zero with an intercept, up to rounding).
double residual_deviation(const Eigen::VectorXd& residuals, double degrees_of_freedom) {
  const double n = static_cast<double>(residuals.size());
  const double mean = residuals.mean();
  const double squares = (residuals.array() - mean).square().sum();
  return std::sqrt(squares / (n - 1)) * std::sqrt((n - 1) / degrees_of_freedom);
}

// The symmetric square root V sqrt(L) V' (strucchange's root.matrix), negative
// eigenvalues of rounding taken as 0.
Eigen::MatrixXd symmetric_root(const Eigen::MatrixXd& m) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(m);
  const Eigen::VectorXd roots = eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  return eigen.eigenvectors() * roots.asDiagonal() * eigen.eigenvectors().transpose();
}

}  // namespace

SequentialMonitor::SequentialMonitor(const Eigen::MatrixXd& history_x,
                                     const Eigen::VectorXd& history_y,
                                     const MonitorSettings& settings, double critical_value)
    : settings_(settings),
      critical_value_(critical_value),
      history_(static_cast<size_t>(history_x.rows())),
      window_(static_cast<size_t>(std::floor(static_cast<double>(history_x.rows()) * settings.bandwidth))),
      seen_(0) {
  const auto n = history_x.rows(), k = history_x.cols();
  if (n <= k) {
    throw DataError("a history of " + std::to_string(n) + " returns is too short for " +
                    std::to_string(k) + " coefficients");
  }
  // Everything in coordinates shifted by the history's means (the intercept's column
  // stays): residuals are then differences of small numbers, whatever the returns' level.
  shift_x_ = history_x.colwise().mean().transpose();
  shift_x_[0] = 0;
  shift_y_ = history_y.mean();
  const Eigen::MatrixXd z = history_x.rowwise() - shift_x_.transpose();
  const Eigen::VectorXd w = history_y.array() - shift_y_;
  shifted_coefficients_ = z.colPivHouseholderQr().solve(w);
  const Eigen::VectorXd residuals = w - z * shifted_coefficients_;
  coefficients_ = unshifted(shifted_coefficients_);
  sigma_ = residual_deviation(residuals, static_cast<double>(n - k));
  if (!(sigma_ > 0)) throw DataError("the history's regression fits exactly: nothing to monitor");
  scale_ = sigma_ * std::sqrt(static_cast<double>(n));
  const bool windowed = settings.process != MonitorProcess::kOlsCusum;
  if (windowed && window_ < static_cast<size_t>(k)) {
    throw DataError("a moving window of " + std::to_string(window_) + " returns (the history's " +
                    std::to_string(n) + " times the bandwidth) is too short for " +
                    std::to_string(k) + " coefficients");
  }
  // strucchange sums residuals divided by sigma sqrt(n), from the first row.
  for (Eigen::Index t = 0; t < n; ++t) residual_sum_ += residuals[t] / scale_;
  if (!windowed) return;
  // The window of the first monitored observation holds the history's last rows.
  xtx_ = Eigen::MatrixXd::Zero(k, k);
  xty_ = Eigen::VectorXd::Zero(k);
  for (Eigen::Index t = n - static_cast<Eigen::Index>(window_) + 1; t < n; ++t) {
    window_residuals_.push_back(residuals[t]);
    window_sum_ += residuals[t];
    window_rows_.emplace_back(history_x.row(t).transpose(), history_y[t]);
    add_to_window(window_rows_.back().first, history_y[t], 1.0);
  }
}

// Coefficients of y - d on x - c (intercept unshifted) as coefficients of y on x:
// the slopes stay, the intercept becomes a' + d - b'c.
Eigen::VectorXd SequentialMonitor::unshifted(const Eigen::VectorXd& shifted) const {
  Eigen::VectorXd b = shifted;
  const Eigen::Index slopes = b.size() - 1;
  b[0] += shift_y_ - b.tail(slopes).dot(shift_x_.tail(slopes));
  return b;
}

double SequentialMonitor::residual(const Eigen::VectorXd& x, double y) const {
  return (y - shift_y_) - (x - shift_x_).dot(shifted_coefficients_);
}

void SequentialMonitor::add_to_window(const Eigen::VectorXd& x, double y, double sign) {
  const Eigen::VectorXd z = x - shift_x_;
  xtx_.noalias() += sign * z * z.transpose();
  xty_.noalias() += sign * z * (y - shift_y_);
}

MonitorStep SequentialMonitor::push(const Eigen::VectorXd& x, double y) {
  MonitorStep step;
  step.index = history_ + ++seen_;
  switch (settings_.process) {
    case MonitorProcess::kOlsCusum: step.process = cusum_step(x, y); break;
    case MonitorProcess::kOlsMosum: step.process = mosum_step(x, y); break;
    case MonitorProcess::kMe: step.process = moving_estimates_step(x, y); break;
  }
  step.boundary = monitor_boundary(settings_.process, critical_value_, step.index, history_);
  step.crossed = step.process > step.boundary;
  statistic_ = std::max(statistic_, step.process);
  if (step.crossed && !alarm_) alarm_ = step.index;
  return step;
}

double SequentialMonitor::cusum_step(const Eigen::VectorXd& x, double y) {
  residual_sum_ += residual(x, y) / scale_;
  return std::fabs(residual_sum_);
}

// The sum of the window's residuals: a running sum, summed afresh from the window every
// K observations so that the rounding of the adds and removes does not pile up (O(1)
// per observation on average, whatever K).
double SequentialMonitor::mosum_step(const Eigen::VectorXd& x, double y) {
  const double e = residual(x, y);
  window_residuals_.push_back(e);
  window_sum_ += e;
  if (window_residuals_.size() > window_) {
    window_sum_ -= window_residuals_.front();
    window_residuals_.pop_front();
  }
  if (++since_rebuild_ >= window_) {
    since_rebuild_ = 0;
    window_sum_ = 0;
    for (double e : window_residuals_) window_sum_ += e;
  }
  return std::fabs(window_sum_ / scale_);
}

// The window's own OLS coefficients against the history's, scaled by the square root of
// the window's cross-products: strucchange's sqrt(K) / (sigma sqrt(n)) Q (b_K - b).
double SequentialMonitor::moving_estimates_step(const Eigen::VectorXd& x, double y) {
  window_rows_.emplace_back(x, y);
  add_to_window(x, y, 1.0);
  if (window_rows_.size() > window_) {
    add_to_window(window_rows_.front().first, window_rows_.front().second, -1.0);
    window_rows_.pop_front();
  }
  if (++since_rebuild_ >= window_) {  // rounding of the adds and removes starts afresh
    since_rebuild_ = 0;
    xtx_.setZero(), xty_.setZero();
    for (const auto& [row, response] : window_rows_) add_to_window(row, response, 1.0);
  }
  // In shifted coordinates z = x - c (intercept unshifted): y - d = a' + b'(x - c).
  const Eigen::VectorXd coefficients = unshifted(xtx_.ldlt().solve(xty_));
  // X'X = T z'z T' with T = [1 0; c I].
  Eigen::MatrixXd unshift = Eigen::MatrixXd::Identity(xtx_.rows(), xtx_.cols());
  unshift.col(0) += shift_x_;
  const Eigen::MatrixXd cross = unshift * xtx_ * unshift.transpose();
  const double K = static_cast<double>(window_);
  const Eigen::VectorXd process =
      symmetric_root(cross) * (coefficients - coefficients_) * (std::sqrt(K) / scale_);
  return process.cwiseAbs().maxCoeff();
}

}  // namespace hedgecalc
