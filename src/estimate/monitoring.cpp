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

// A date as the user wrote it: without a time of day at midnight.
std::string readable(Timestamp time) { return format_timestamp(time, time % kNanosPerDay == 0); }

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
    throw DataError("the history ends at " + readable(end) +
                    (total == 0 ? std::string(", but there are no returns")
                                : ", outside the returns (" + readable(returns.time.front()) +
                                      " to " + readable(returns.time.back()) + ")"));
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

}  // namespace

size_t smallest_history(size_t coefficients) { return 2 * coefficients; }

Monitoring monitor_hedge(const ReturnSeries& returns, const MonitorOptions& options,
                         double critical_value) {
  const size_t coefficients = returns.values.size();
  const size_t history = history_length(returns, options);
  if (history < smallest_history(coefficients)) {
    throw DataError("the history has " + std::to_string(history) + " returns; monitoring " +
                    std::to_string(coefficients - 1) + " prox" + (coefficients == 2 ? "y" : "ies") +
                    " needs at least " + std::to_string(smallest_history(coefficients)));
  }
  Monitoring m;
  m.settings = options.settings;
  m.critical_value = critical_value;
  m.history_n = history;
  m.history_from = returns.time.front();
  m.history_to = returns.time[history - 1];
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  regression_rows(returns, 0, history, x, y);
  SequentialMonitor monitor(x, y, options.settings, critical_value);
  const Eigen::VectorXd& b = monitor.history_coefficients();
  for (size_t j = 1; j < coefficients; ++j) m.history_hedge_ratios.push_back(b[static_cast<Eigen::Index>(j)]);
  Eigen::VectorXd row(static_cast<Eigen::Index>(coefficients));
  row[0] = 1;
  m.steps.reserve(returns.size() - history);
  m.step_times.reserve(returns.size() - history);
  for (size_t t = history; t < returns.size(); ++t) {
    for (size_t j = 1; j < coefficients; ++j) row[static_cast<Eigen::Index>(j)] = returns.values[j][t];
    m.steps.push_back(monitor.push(row, returns.values[0][t]));
    m.step_times.push_back(returns.time[t]);
  }
  m.monitored_n = m.steps.size();
  if (!m.steps.empty()) m.monitored_to = m.step_times.back();
  m.statistic = monitor.statistic();
  m.alarm_index = monitor.alarm();
  if (m.alarm_index) m.alarm_date = returns.time[*m.alarm_index - 1];
  m.horizon_passed = static_cast<double>(history + m.monitored_n) >
                     options.settings.period * static_cast<double>(history);
  m.hedge_ratios_since = slopes_since(returns, history);
  return m;
}

}  // namespace hedgecalc
