#pragma once
// Watching a hedge one return at a time: the returns of the history are collected until
// it ends, the sequential test of monitor.hpp is built on them, and every later return
// moves it, together with the ratios of the estimators asked for and the trade that would
// restore the hedge. What `monitor --series` prints per return and `monitor --follow`
// prints as returns arrive: both run this one code, so they print the same bits.

#include <memory>
#include <optional>
#include <vector>

#include "hedgecalc/analysis_options.hpp"
#include "hedgecalc/monitor.hpp"
#include "hedgecalc/timestamp.hpp"
#include "hedgecalc/trade.hpp"

namespace hedgecalc {

/// What a watch computes: the test, and besides it the estimators and the trade.
struct WatchOptions {
  MonitorOptions monitor;
  double critical_value = 0;  ///< monitor_critical_value's for the settings
  ReturnKind kind = ReturnKind::kSimple;
  bool intercept = true;             ///< of the Kalman filter
  RollingWindow window;              ///< active(): the rolling ratio
  std::optional<double> ewma_lambda;
  bool kalman = false;
  std::optional<KalmanVariances> kalman_variances;  ///< none: estimated on the history
  SizingOptions sizing;                             ///< exposure, price, contract size
  std::optional<double> position;                   ///< with sizing: the trade
  double band = 0;
};

/// The watch's options from an analysis' (monitor, estimators, sizing and trade).
WatchOptions watch_options(const AnalysisOptions& options, double critical_value);

/// One monitored return.
struct WatchEvent {
  Timestamp time = 0;
  MonitorStep step;
  double window_ratio, ewma_ratio, kalman_ratio;  ///< NaN when not asked for or undefined
  std::optional<Trade> trade;                     ///< with a position and a defined ratio
};

/// The watch of one hedge; proxies >= 1 (the estimators and the trade: one proxy).
class HedgeWatch {
 public:
  HedgeWatch(const WatchOptions& options, size_t proxies);
  ~HedgeWatch();

  /// Takes the next return, ending at time (in order): values[0] the target's, then each
  /// proxy's; proxy_price the first proxy's price then (NaN where the files hold returns).
  /// Returns the event of a monitored return, nothing while the history fills. Throws
  /// DataError when the history proves too short or ends before the first return.
  std::optional<WatchEvent> push(Timestamp time, const double* values, double proxy_price);

  /// No more returns: a history ended by date at the last return is complete, one that
  /// asks for more returns than came is an error (DataError).
  void finish();

  /// True once the history is complete and the test built.
  bool monitoring() const { return monitor_ != nullptr; }
  /// The test (monitoring() only).
  const SequentialMonitor& monitor() const { return *monitor_; }
  /// The history's first and last times and length (monitoring() only).
  Timestamp history_from() const { return history_from_; }
  Timestamp history_to() const { return history_to_; }
  size_t history_size() const { return history_n_; }
  /// Returns monitored so far.
  size_t monitored() const { return monitored_; }
  /// True once monitoring has gone past period x history returns.
  bool horizon_passed() const;

 private:
  struct Estimators;
  void start_monitoring();
  void feed_estimators(Timestamp time, double target, double proxy);
  WatchEvent event(Timestamp time, const MonitorStep& step, double proxy_price) const;

  WatchOptions options_;
  size_t coefficients_;
  // The history while it fills.
  std::vector<Timestamp> history_time_;
  std::vector<double> history_values_;  // row after row, coefficients_ values each
  Timestamp history_from_ = 0, history_to_ = 0;
  size_t history_n_ = 0;
  std::unique_ptr<SequentialMonitor> monitor_;
  std::unique_ptr<Estimators> estimators_;
  size_t seen_ = 0, monitored_ = 0;
  Eigen::VectorXd row_;
};

}  // namespace hedgecalc
