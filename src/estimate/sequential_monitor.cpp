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
  ring_z_.assign(window_ * static_cast<size_t>(k), 0.0);
  ring_w_.assign(window_, 0.0);
  // ME's work space, sized once: a step allocates nothing. unshift is T = [1 0; c I],
  // which takes cross-products of shifted rows back to those of the rows.
  z_.resize(k), delta_.resize(k), process_.resize(k), roots_.resize(k);
  cross_.resize(k, k), root_.resize(k, k), work_.resize(k, k);
  unshift_ = Eigen::MatrixXd::Identity(k, k);
  unshift_.col(0) += shift_x_;
  for (Eigen::Index t = n - static_cast<Eigen::Index>(window_) + 1; t < n; ++t) {
    window_residuals_.push_back(residuals[t]);
    window_sum_ += residuals[t];
    z_ = history_x.row(t).transpose() - shift_x_;
    enter_window(history_y[t] - shift_y_);
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

// Adds (sign 1) or removes (-1) a shifted row to the window's cross-products.
void SequentialMonitor::add_to_window(const double* z, double w, double sign) {
  const Eigen::Map<const Eigen::VectorXd> row(z, xtx_.rows());
  xtx_.noalias() += sign * row * row.transpose();
  xty_.noalias() += (sign * w) * row;
}

// z_ (and w) become the window's newest row; the oldest leaves once the window is full.
void SequentialMonitor::enter_window(double w) {
  const auto k = static_cast<size_t>(xtx_.rows());
  double* slot = ring_z_.data() + ring_next_ * k;
  if (ring_count_ == window_) {
    add_to_window(slot, ring_w_[ring_next_], -1.0);
  } else {
    ++ring_count_;
  }
  std::copy(z_.data(), z_.data() + k, slot);
  ring_w_[ring_next_] = w;
  add_to_window(slot, w, 1.0);
  ring_next_ = (ring_next_ + 1) % window_;
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
  z_ = x - shift_x_;
  enter_window(y - shift_y_);
  if (++since_rebuild_ >= window_) {  // rounding of the adds and removes starts afresh
    since_rebuild_ = 0;
    xtx_.setZero(), xty_.setZero();
    const auto k = static_cast<size_t>(xtx_.rows());
    for (size_t i = 0; i < ring_count_; ++i) add_to_window(ring_z_.data() + i * k, ring_w_[i], 1.0);
  }
  // In shifted coordinates z = x - c (intercept unshifted): y - d = a' + b'(x - c).
  solver_.compute(xtx_);
  delta_ = solver_.solve(xty_);
  const Eigen::Index slopes = delta_.size() - 1;
  delta_[0] += shift_y_ - delta_.tail(slopes).dot(shift_x_.tail(slopes));
  delta_ -= coefficients_;
  // X'X = T z'z T'.
  work_.noalias() = unshift_ * xtx_;
  cross_.noalias() = work_ * unshift_.transpose();
  symmetric_root();
  process_.noalias() = root_ * delta_;
  return process_.cwiseAbs().maxCoeff() * std::sqrt(static_cast<double>(window_)) / scale_;
}

// root_ = the symmetric square root of cross_ (strucchange's root.matrix): for a 2 x 2
// matrix (one proxy) in closed form, (M + sqrt(det M) I) / sqrt(tr M + 2 sqrt(det M)),
// else V sqrt(L) V' with negative eigenvalues of rounding taken as 0.
void SequentialMonitor::symmetric_root() {
  if (cross_.rows() == 2) {
    const double det = cross_(0, 0) * cross_(1, 1) - cross_(0, 1) * cross_(1, 0);
    if (det > 0) {
      const double s = std::sqrt(det), t = std::sqrt(cross_.trace() + 2 * s);
      root_ = cross_;
      root_.diagonal().array() += s;
      root_ /= t;
      return;
    }
  }
  eigen_.compute(cross_);
  roots_ = eigen_.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  work_.noalias() = eigen_.eigenvectors() * roots_.asDiagonal();
  root_.noalias() = work_ * eigen_.eigenvectors().transpose();
}

}  // namespace hedgecalc
