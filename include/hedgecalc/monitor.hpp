#pragma once
// Sequential monitoring of a regression, as R strucchange's mefp() + monitor() (Chu,
// Stinchcombe and White 1996; Leisch, Hornik and Kuan 2000; Zeileis et al. 2005): the
// relationship is estimated once on a history sample, and every later observation moves
// a fluctuation process that is compared with a boundary chosen so that the chance of
// any false alarm over the monitoring period is alpha.
//
// Observations are counted from 1 at the first row of the history, as strucchange's
// `breakpoint` is.

#include <Eigen/Dense>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// strucchange's `type`: "OLS-CUSUM", "OLS-MOSUM" or "ME" (moving estimates).
enum class MonitorProcess { kOlsCusum, kOlsMosum, kMe };

/// The name of a process as the command line and the output spell it: "ols-cusum",
/// "ols-mosum" or "me".
const char* monitor_process_name(MonitorProcess process);

/// The test: its process, bandwidth h (the moving window as a share of the history, for
/// OLS-MOSUM and ME), significance level and period (the horizon over which the size
/// holds, as a multiple of the history, for OLS-MOSUM and ME).
struct MonitorSettings {
  MonitorProcess process = MonitorProcess::kOlsCusum;
  double bandwidth = 1;
  double alpha = 0.05;
  double period = 10;
};

/// Where the history ends (one of the two) and the test.
struct MonitorOptions {
  MonitorSettings settings;
  std::optional<Timestamp> history_to;  ///< the last return of the history is at or before it
  std::optional<size_t> history_n;      ///< the first N returns
};

/// strucchange's critical value for these settings and `coefficients` regression
/// coefficients (intercept included; ME spends alpha / coefficients on each), or nothing
/// where its table has none (bandwidth not 0.25, 0.5 or 1, period not 2, 4, ..., 10, or
/// a level outside 0.001-0.05). OLS-CUSUM's is the root of 2 (Phi(c) - c phi(c)) = 2 -
/// alpha, found to full precision (strucchange's optimize() stops at about 1e-8).
std::optional<double> monitor_critical_value(const MonitorSettings& settings, size_t coefficients);

/// The boundary at observation `index` (> history) with a history of `history`
/// observations: OLS-CUSUM's sqrt(x (x - 1) (c^2 + log(x / (x - 1)))) with x = index /
/// history, else c sqrt(2 log+(index / history)) with log+(x) = 1 for x <= e.
double monitor_boundary(MonitorProcess process, double critical_value, size_t index, size_t history);

/// One monitored observation.
struct MonitorStep {
  size_t index = 0;       ///< counted from 1 at the first row of the history
  double process = 0;     ///< |process| (ME: the largest over the coefficients)
  double boundary = 0;
  bool crossed = false;   ///< process > boundary
};

/// The monitor of one regression: built on the history, then fed one observation at a
/// time at a cost that does not depend on how many came before.
class SequentialMonitor {
 public:
  /// history_x: one row per observation, the intercept's column of ones first; history_y
  /// the response. The history must have more rows than columns, a regression with
  /// residual variance, and for OLS-MOSUM and ME a window floor(h n) of at least as
  /// many rows as columns (throws DataError otherwise).
  SequentialMonitor(const Eigen::MatrixXd& history_x, const Eigen::VectorXd& history_y,
                    const MonitorSettings& settings, double critical_value);

  /// Takes the next observation (x with the leading 1) and returns its step.
  MonitorStep push(const Eigen::VectorXd& x, double y);

  /// The history's OLS coefficients.
  const Eigen::VectorXd& history_coefficients() const { return coefficients_; }
  /// The history's residual standard deviation, on n - k degrees of freedom.
  double sigma() const { return sigma_; }
  /// Rows of the history.
  size_t history_size() const { return history_; }
  /// Rows of the moving window (OLS-MOSUM and ME): floor(h n).
  size_t window() const { return window_; }
  /// The largest |process| so far (0 before the first observation).
  double statistic() const { return statistic_; }
  /// The index of the first observation whose process crossed its boundary.
  std::optional<size_t> alarm() const { return alarm_; }

 private:
  double cusum_step(const Eigen::VectorXd& x, double y);
  double mosum_step(const Eigen::VectorXd& x, double y);
  double moving_estimates_step(const Eigen::VectorXd& x, double y);
  void add_to_window(const double* z, double w, double sign);
  void enter_window(double w);
  void symmetric_root();
  Eigen::VectorXd unshifted(const Eigen::VectorXd& shifted) const;
  double residual(const Eigen::VectorXd& x, double y) const;

  MonitorSettings settings_;
  double critical_value_;
  size_t history_, window_, seen_;
  Eigen::VectorXd coefficients_;
  Eigen::VectorXd shifted_coefficients_;  // of y - d on x - c: the residuals' coefficients
  double sigma_;
  double scale_;  // sigma sqrt(n): every process is divided by it
  double statistic_ = 0;
  std::optional<size_t> alarm_;
  // OLS-CUSUM: the running sum of residuals from the first row of the history.
  double residual_sum_ = 0;
  // OLS-MOSUM: the window's residuals.
  std::deque<double> window_residuals_;
  double window_sum_ = 0;
  // ME: the window's shifted rows in a ring (ring_next_ is the oldest once it is full).
  std::vector<double> ring_z_, ring_w_;
  size_t ring_next_ = 0, ring_count_ = 0;
  // The history's means (0 for the intercept's column): residuals and ME's window sums
  // are computed on data less these.
  Eigen::VectorXd shift_x_;
  double shift_y_ = 0;
  // ME: the window's cross-products of shifted rows, rebuilt from the rows every
  // window_ steps so that rounding does not pile up.
  Eigen::MatrixXd xtx_;
  Eigen::VectorXd xty_;
  size_t since_rebuild_ = 0;
  // ME's work space.
  Eigen::VectorXd z_, delta_, process_, roots_;
  Eigen::MatrixXd unshift_, cross_, root_, work_;
  Eigen::LDLT<Eigen::MatrixXd> solver_;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen_;
};

}  // namespace hedgecalc
