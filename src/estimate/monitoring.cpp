#include "hedgecalc/monitoring.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <string>

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

// Rows [from, to) of the returns as a regression: the intercept's ones, then the proxies.
void regression_rows(const ReturnSeries& returns, size_t from, size_t to, Eigen::MatrixXd& x,
                     Eigen::VectorXd& y) {
  const size_t coefficients = returns.values.size();
  x.resize(static_cast<Eigen::Index>(to - from), static_cast<Eigen::Index>(coefficients));
  y.resize(static_cast<Eigen::Index>(to - from));
  for (size_t t = from; t < to; ++t) {
    const auto row = static_cast<Eigen::Index>(t - from);
    x(row, 0) = 1;
    for (size_t j = 1; j < coefficients; ++j) x(row, static_cast<Eigen::Index>(j)) = returns.values[j][t];
    y[row] = returns.values[0][t];
  }
}

// The number of returns in the history, checked against the data.
size_t history_length(const ReturnSeries& returns, const MonitorOptions& options) {
  const size_t total = returns.size();
  if (options.history_n) {
    if (*options.history_n > total) {
      throw DataError("the history of " + std::to_string(*options.history_n) +
                      " returns is longer than the " + std::to_string(total) + " returns there are");
    }
    return *options.history_n;
  }
  assert(options.history_to);
  const Timestamp end = *options.history_to;
  if (total == 0 || end < returns.time.front() || end > returns.time.back()) {
    throw DataError("the history ends at " + format_for_message(end) +
                    (total == 0 ? std::string(", but there are no returns")
                                : ", outside the returns (" + format_for_message(returns.time.front()) +
                                      " to " + format_for_message(returns.time.back()) + ")"));
  }
  return static_cast<size_t>(std::upper_bound(returns.time.begin(), returns.time.end(), end) -
                             returns.time.begin());
}

// OLS slopes over the monitored rows (NaN with fewer than 3 returns or too few for the
// coefficients).
std::vector<double> slopes_since(const ReturnSeries& returns, size_t from) {
  const size_t coefficients = returns.values.size();
  std::vector<double> slopes(coefficients - 1, std::numeric_limits<double>::quiet_NaN());
  const size_t n = returns.size() - from;
  if (n < 3 || n <= coefficients) return slopes;
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  regression_rows(returns, from, returns.size(), x, y);
  const auto qr = x.colPivHouseholderQr();
  if (qr.rank() < x.cols()) return slopes;
  const Eigen::VectorXd b = qr.solve(y);
  for (size_t j = 1; j < coefficients; ++j) slopes[j - 1] = b[static_cast<Eigen::Index>(j)];
  return slopes;
}

// Stores an event's columns: the test's always, the others when asked for.
void keep(const WatchEvent& event, const WatchOptions& options, Monitoring& m) {
  m.steps.push_back(event.step);
  m.step_times.push_back(event.time);
  if (options.window.active()) m.window_ratios.push_back(event.window_ratio);
  if (options.ewma_lambda) m.ewma_ratios.push_back(event.ewma_ratio);
  if (options.kalman) m.kalman_ratios.push_back(event.kalman_ratio);
  if (options.position && options.sizing.exposure) m.trades.push_back(event.trade);
}

// Column i, or undefined when the column was not asked for.
double entry(const std::vector<double>& column, size_t i) {
  return column.empty() ? std::numeric_limits<double>::quiet_NaN() : column[i];
}

}  // namespace

WatchEvent Monitoring::event(size_t i) const {
  return WatchEvent{step_times[i],
                    steps[i],
                    entry(window_ratios, i),
                    entry(ewma_ratios, i),
                    entry(kalman_ratios, i),
                    trades.empty() ? std::nullopt : trades[i]};
}

size_t smallest_history(size_t coefficients) { return 2 * coefficients; }

Monitoring monitor_hedge(const ReturnSeries& returns, const WatchOptions& options,
                         const std::vector<double>& proxy_prices) {
  const size_t coefficients = returns.values.size();
  WatchOptions counted = options;
  counted.monitor.history_n = history_length(returns, options.monitor);
  counted.monitor.history_to.reset();
  HedgeWatch watch(counted, coefficients - 1);
  Monitoring m;
  m.settings = options.monitor.settings;
  m.critical_value = options.critical_value;
  const size_t monitored = returns.size() - *counted.monitor.history_n;
  m.steps.reserve(monitored);
  m.step_times.reserve(monitored);
  std::vector<double> row(coefficients);
  for (size_t t = 0; t < returns.size(); ++t) {
    for (size_t j = 0; j < coefficients; ++j) row[j] = returns.values[j][t];
    const double price = proxy_prices.empty() ? std::numeric_limits<double>::quiet_NaN() : proxy_prices[t];
    if (auto event = watch.push(returns.time[t], row.data(), price)) keep(*event, options, m);
  }
  watch.finish();
  m.history_n = watch.history_size();
  m.history_from = watch.history_from();
  m.history_to = watch.history_to();
  const Eigen::VectorXd& b = watch.monitor().history_coefficients();
  for (size_t j = 1; j < coefficients; ++j) m.history_hedge_ratios.push_back(b[static_cast<Eigen::Index>(j)]);
  m.monitored_n = m.steps.size();
  if (!m.steps.empty()) m.monitored_to = m.step_times.back();
  m.statistic = watch.monitor().statistic();
  m.alarm_index = watch.monitor().alarm();
  if (m.alarm_index) m.alarm_date = returns.time[*m.alarm_index - 1];
  m.horizon_passed = watch.horizon_passed();
  m.hedge_ratios_since = slopes_since(returns, m.history_n);
  return m;
}

Monitoring monitor_hedge(const ReturnSeries& returns, const MonitorOptions& options,
                         double critical_value) {
  WatchOptions watch;
  watch.monitor = options;
  watch.critical_value = critical_value;
  return monitor_hedge(returns, watch, {});
}

}  // namespace hedgecalc
