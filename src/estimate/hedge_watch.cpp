#include "hedgecalc/hedge_watch.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "hedgecalc/error.hpp"
#include "hedgecalc/ewma.hpp"
#include "hedgecalc/kalman.hpp"
#include "hedgecalc/monitoring.hpp"
#include "hedgecalc/sizing.hpp"
#include "streaming_window.hpp"

namespace hedgecalc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

WatchOptions watch_options(const AnalysisOptions& options, double critical_value) {
  WatchOptions w;
  w.monitor = *options.monitor;
  w.critical_value = critical_value;
  w.kind = options.kind;
  w.intercept = options.hedge.intercept;
  w.window = options.window;
  w.ewma_lambda = options.ewma_lambda;
  w.kalman = options.kalman;
  w.kalman_variances = options.kalman_variances;
  w.sizing = options.sizing;
  w.position = options.position;
  w.band = options.band.value_or(0.0);
  return w;
}

// The estimators of one proxy's ratio, fed every return from the first.
struct HedgeWatch::Estimators {
  std::optional<StreamingWindow> window;
  std::optional<EwmaRecursion> ewma;
  std::optional<KalmanRecursion> kalman;
  size_t seen = 0;
  double window_ratio = kNaN, ewma_ratio = kNaN, kalman_ratio = kNaN;
};

HedgeWatch::HedgeWatch(const WatchOptions& options, size_t proxies)
    : options_(options), coefficients_(proxies + 1), row_(static_cast<Eigen::Index>(proxies + 1)) {
  row_[0] = 1;
}

HedgeWatch::~HedgeWatch() = default;

bool HedgeWatch::horizon_passed() const {
  return static_cast<double>(history_n_ + monitored_) >
         options_.monitor.settings.period * static_cast<double>(history_n_);
}

// The history is complete: the test on its rows, and the estimators over them (the Kalman
// filter's variances, when not given, estimated on them alone: nothing after the history
// informs a ratio before it is reached).
void HedgeWatch::start_monitoring() {
  const size_t n = history_time_.size();
  if (n < smallest_history(coefficients_)) {
    throw DataError("the history has " + std::to_string(n) + " returns; monitoring " +
                    std::to_string(coefficients_ - 1) + " prox" + (coefficients_ == 2 ? "y" : "ies") +
                    " needs at least " + std::to_string(smallest_history(coefficients_)));
  }
  const auto rows = static_cast<Eigen::Index>(n), columns = static_cast<Eigen::Index>(coefficients_);
  Eigen::MatrixXd x(rows, columns);
  Eigen::VectorXd y(rows);
  for (Eigen::Index t = 0; t < rows; ++t) {
    const double* values = &history_values_[static_cast<size_t>(t) * coefficients_];
    x(t, 0) = 1;
    for (Eigen::Index j = 1; j < columns; ++j) x(t, j) = values[j];
    y[t] = values[0];
  }
  monitor_ = std::make_unique<SequentialMonitor>(x, y, options_.monitor.settings, options_.critical_value);
  history_n_ = n;
  history_from_ = history_time_.front();
  history_to_ = history_time_.back();
  estimators_ = std::make_unique<Estimators>();
  Estimators& e = *estimators_;
  if (options_.window.active()) e.window.emplace(options_.window);
  if (options_.ewma_lambda) e.ewma.emplace(*options_.ewma_lambda);
  if (options_.kalman) {
    KalmanVariances variances;
    if (options_.kalman_variances) {
      variances = *options_.kalman_variances;
    } else {
      const Eigen::VectorXd proxy = x.col(1);
      variances = kalman_estimate(std::vector<double>(y.data(), y.data() + rows),
                                  std::vector<double>(proxy.data(), proxy.data() + rows),
                                  options_.intercept)
                      .variances;
    }
    e.kalman.emplace(options_.intercept, variances);
  }
  for (size_t t = 0; t < n; ++t) {
    const double* values = &history_values_[t * coefficients_];
    feed_estimators(history_time_[t], values[0], values[1]);
  }
  history_time_ = {};
  history_values_ = {};
}

void HedgeWatch::feed_estimators(Timestamp time, double target, double proxy) {
  Estimators& e = *estimators_;
  const size_t index = e.seen++;
  // --min-obs holds back the EWMA's first values, as pandas' min_periods.
  const bool shown = options_.window.min_obs == 0 || index + 1 >= options_.window.min_obs;
  if (e.window) e.window_ratio = e.window->push(time, proxy, target);
  if (e.ewma) {
    e.ewma->push(proxy, target);
    e.ewma_ratio = index > 0 && shown ? e.ewma->hedge_ratio() : kNaN;
  }
  if (e.kalman) {
    e.kalman->push(target, proxy);
    e.kalman_ratio = e.kalman->hedge_ratio();
  }
}

// The event of a monitored return; the trade follows the rolling ratio, else the EWMA's,
// else the Kalman filter's (as a backtest does), else the history's.
WatchEvent HedgeWatch::event(Timestamp time, const MonitorStep& step, double proxy_price) const {
  const Estimators& e = *estimators_;
  WatchEvent event{time, step, e.window_ratio, e.ewma_ratio, e.kalman_ratio, std::nullopt};
  if (!options_.position || !options_.sizing.exposure) return event;
  const double ratio = e.window      ? e.window_ratio
                       : e.ewma      ? e.ewma_ratio
                       : e.kalman    ? e.kalman_ratio
                                     : monitor_->history_coefficients()[1];
  const SizingOptions& sizing = options_.sizing;
  const double price = sizing.proxy_prices.empty() ? proxy_price : sizing.proxy_prices[0];
  if (!std::isfinite(ratio) || !(price > 0) || !std::isfinite(price)) return event;
  const double contract = sizing.contract_sizes.empty() ? 1.0 : sizing.contract_sizes[0];
  event.trade = plan_trade(size_hedge(ratio, options_.kind, *sizing.exposure, price, contract),
                           *options_.position, options_.band);
  return event;
}

std::optional<WatchEvent> HedgeWatch::push(Timestamp time, const double* values, double proxy_price) {
  const MonitorOptions& m = options_.monitor;
  if (!monitor_ && m.history_to && time > *m.history_to) {
    if (history_time_.empty()) {
      throw DataError("the history ends at " + format_for_message(*m.history_to) +
                      ", before the first return (" + format_for_message(time) + ")");
    }
    start_monitoring();
  }
  ++seen_;
  if (!monitor_) {
    history_time_.push_back(time);
    history_values_.insert(history_values_.end(), values, values + coefficients_);
    if (m.history_n && seen_ == *m.history_n) start_monitoring();
    return std::nullopt;
  }
  feed_estimators(time, values[0], coefficients_ > 1 ? values[1] : kNaN);
  for (size_t j = 1; j < coefficients_; ++j) row_[static_cast<Eigen::Index>(j)] = values[j];
  const MonitorStep step = monitor_->push(row_, values[0]);
  ++monitored_;
  return event(time, step, proxy_price);
}

void HedgeWatch::finish() {
  if (monitor_) return;
  const MonitorOptions& m = options_.monitor;
  if (m.history_n) {
    throw DataError("the history of " + std::to_string(*m.history_n) +
                    " returns is longer than the " + std::to_string(seen_) + " returns there are");
  }
  if (history_time_.empty() || history_time_.back() != *m.history_to) {
    throw DataError("the history ends at " + format_for_message(*m.history_to) +
                    (history_time_.empty() ? std::string(", but there are no returns")
                                           : ", outside the returns (" + format_for_message(history_time_.front()) +
                                                 " to " + format_for_message(history_time_.back()) + ")"));
  }
  start_monitoring();
}

}  // namespace hedgecalc
