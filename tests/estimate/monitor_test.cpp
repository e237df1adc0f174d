// Sequential monitoring against R strucchange's mefp() + monitor() (golden values from
// tests/golden/make_monitor_golden.R), plus its size and power by simulation.

#include "hedgecalc/monitor.hpp"
#include "hedgecalc/monitoring.hpp"

#include <catch2/catch.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <map>
#include <random>

#include "golden.hpp"
#include "process.hpp"
#include "hedgecalc/error.hpp"

using namespace hedgecalc;

namespace {

struct Regression {
  Eigen::MatrixXd x;  // with the intercept's column
  Eigen::VectorXd y;
};

// The data sets of monitor_inputs.csv, by name.
std::map<std::string, Regression> read_inputs() {
  std::map<std::string, std::vector<std::map<std::string, std::string>>> rows;
  for (auto& row : parse_csv_table(source_file_text("tests/golden/monitor_inputs.csv"))) {
    rows[row.at("set")].push_back(row);
  }
  std::map<std::string, Regression> sets;
  for (const auto& [name, lines] : rows) {
    const bool basket = !lines.front().at("w").empty();
    const auto n = static_cast<Eigen::Index>(lines.size());
    Regression r{Eigen::MatrixXd::Ones(n, basket ? 3 : 2), Eigen::VectorXd(n)};
    for (Eigen::Index t = 0; t < n; ++t) {
      const auto& line = lines[static_cast<size_t>(t)];
      r.y[t] = std::stod(line.at("y"));
      r.x(t, 1) = std::stod(line.at("x"));
      if (basket) r.x(t, 2) = std::stod(line.at("w"));
    }
    sets[name] = r;
  }
  return sets;
}

MonitorProcess process_named(const std::string& name) {
  if (name == "OLS-CUSUM") return MonitorProcess::kOlsCusum;
  if (name == "OLS-MOSUM") return MonitorProcess::kOlsMosum;
  REQUIRE(name == "ME");
  return MonitorProcess::kMe;
}

double relative(double a, double b) { return std::fabs(a - b) / std::max(std::fabs(b), 1e-300); }

// The accurate OLS-CUSUM critical value, independently: bisection on the closed form
// 2 (1 - Phi(c) + c phi(c)) = alpha with Boost's normal distribution.
double cusum_critical_value_by_bisection(double alpha) {
  const boost::math::normal normal;
  double low = 0, high = 20;
  for (int i = 0; i < 200; ++i) {
    const double c = 0.5 * (low + high);
    const double size = 2 * (boost::math::cdf(boost::math::complement(normal, c)) + c * boost::math::pdf(normal, c));
    (size > alpha ? low : high) = c;
  }
  return 0.5 * (low + high);
}

}  // namespace

TEST_CASE("monitoring equals strucchange's mefp and monitor at every observation", "[monitor][golden]") {
  const auto sets = read_inputs();
  std::map<std::string, std::vector<std::map<std::string, std::string>>> steps;
  for (auto& row : parse_csv_table(source_file_text("tests/golden/monitor_steps.csv"))) {
    steps[row.at("case")].push_back(row);
  }
  const auto cases = parse_csv_table(source_file_text("tests/golden/monitor_cases.csv"));
  REQUIRE(cases.size() == 42);
  double worst_process = 0, worst_boundary = 0, worst_critical = 0;
  size_t alarms = 0;
  for (const auto& c : cases) {
    INFO("case " << c.at("case") << ": " << c.at("set") << " " << c.at("process") << " h "
                 << c.at("h") << " period " << c.at("period") << " alpha " << c.at("alpha"));
    const Regression& data = sets.at(c.at("set"));
    const auto history = static_cast<Eigen::Index>(std::stoul(c.at("history")));
    MonitorSettings settings{process_named(c.at("process")), std::stod(c.at("h")),
                             std::stod(c.at("alpha")), std::stod(c.at("period"))};
    const auto ours = monitor_critical_value(settings, static_cast<size_t>(data.x.cols()));
    REQUIRE(ours);
    const double theirs = std::stod(c.at("critical_value"));
    worst_critical = std::max(worst_critical, relative(*ours, theirs));
    CHECK(relative(*ours, theirs) < 1e-6);
    // The boundaries are compared at strucchange's own critical value: for OLS-CUSUM
    // ours is the accurate root, and theirs stops at optimize()'s tolerance.
    SequentialMonitor monitor(data.x.topRows(history), data.y.head(history), settings, theirs);
    const auto& expected = steps.at(c.at("case"));
    REQUIRE(static_cast<Eigen::Index>(expected.size()) == data.x.rows() - history);
    for (Eigen::Index t = history; t < data.x.rows(); ++t) {
      const MonitorStep step = monitor.push(data.x.row(t).transpose(), data.y[t]);
      const auto& want = expected[static_cast<size_t>(t - history)];
      REQUIRE(step.index == std::stoul(want.at("index")));
      worst_process = std::max(worst_process, relative(step.process, std::stod(want.at("process"))));
      worst_boundary = std::max(worst_boundary, relative(step.boundary, std::stod(want.at("boundary"))));
    }
    if (c.at("alarm").empty()) {
      CHECK_FALSE(monitor.alarm());
    } else {
      REQUIRE(monitor.alarm());
      CHECK(*monitor.alarm() == std::stoul(c.at("alarm")));
      ++alarms;
    }
    CHECK(relative(monitor.statistic(), std::stod(c.at("statistic"))) < 1e-9);
  }
  INFO("worst relative differences: process " << worst_process << ", boundary " << worst_boundary
                                             << ", critical value " << worst_critical);
  CHECK(worst_process < 1e-9);
  CHECK(worst_boundary < 1e-9);
  CHECK(alarms >= 10);
  WARN("monitor golden: worst relative differences: process " << worst_process << ", boundary "
                                                              << worst_boundary << ", critical value "
                                                              << worst_critical);
}

TEST_CASE("the OLS-CUSUM critical value is the accurate root", "[monitor]") {
  for (double alpha : {0.1, 0.05, 0.01, 0.001, 1e-6}) {
    INFO("alpha " << alpha);
    const auto c = monitor_critical_value({MonitorProcess::kOlsCusum, 1, alpha, 10}, 2);
    REQUIRE(c);
    CHECK(relative(*c, cusum_critical_value_by_bisection(alpha)) < 1e-14);
  }
}

TEST_CASE("critical values exist only where strucchange's table has them", "[monitor]") {
  const MonitorSettings me{MonitorProcess::kMe, 1, 0.05, 10};
  CHECK(monitor_critical_value(me, 2));
  CHECK_FALSE(monitor_critical_value({MonitorProcess::kMe, 0.75, 0.05, 10}, 2));
  CHECK_FALSE(monitor_critical_value({MonitorProcess::kMe, 1, 0.05, 5}, 2));
  CHECK_FALSE(monitor_critical_value({MonitorProcess::kOlsMosum, 1, 0.1, 10}, 2));   // level 0.90
  CHECK_FALSE(monitor_critical_value({MonitorProcess::kMe, 1, 0.0005, 10}, 2));     // 0.99975
  CHECK(monitor_critical_value({MonitorProcess::kMe, 1, 0.002, 10}, 2));            // 0.999 exactly
  CHECK_FALSE(monitor_critical_value({MonitorProcess::kMe, 1, 0.05, 10}, 3) ==
              monitor_critical_value(me, 2));  // alpha / k per coefficient
  CHECK_FALSE(monitor_critical_value({MonitorProcess::kOlsCusum, 1, 1.5, 10}, 2));
}

namespace {

struct Simulation {
  double alarm_rate = 0;
  double mean_delay = 0;  // observations from the change to the alarm, over the alarms
};

// `replications` regressions y = 0.001 + 0.8 x + noise, the history `history` returns,
// monitored over the horizon (period - 1) * history; from `change_after` monitored
// returns on, the intercept is `intercept_after` and the ratio `after`.
Simulation simulate(const MonitorSettings& settings, size_t replications, size_t history,
                    double after, double intercept_after, size_t change_after, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> x_draw(0, 0.01), noise(0, 0.004);
  const auto n = static_cast<Eigen::Index>(history);
  const auto horizon = static_cast<size_t>((settings.period - 1) * static_cast<double>(history));
  const double critical = *monitor_critical_value(settings, 2);
  Simulation result;
  size_t alarms = 0;
  double delays = 0;
  for (size_t r = 0; r < replications; ++r) {
    Eigen::MatrixXd x = Eigen::MatrixXd::Ones(n, 2);
    Eigen::VectorXd y(n);
    for (Eigen::Index t = 0; t < n; ++t) {
      x(t, 1) = x_draw(rng);
      y[t] = 0.001 + 0.8 * x(t, 1) + noise(rng);
    }
    SequentialMonitor monitor(x, y, settings, critical);
    Eigen::VectorXd row(2);
    for (size_t t = 0; t < horizon && !monitor.alarm(); ++t) {
      row << 1, x_draw(rng);
      const bool changed = t >= change_after;
      monitor.push(row, (changed ? intercept_after : 0.001) + (changed ? after : 0.8) * row[1] + noise(rng));
    }
    if (monitor.alarm()) {
      ++alarms;
      delays += static_cast<double>(*monitor.alarm() - history - change_after);
    }
  }
  result.alarm_rate = static_cast<double>(alarms) / static_cast<double>(replications);
  result.mean_delay = alarms ? delays / static_cast<double>(alarms) : NAN;
  return result;
}

}  // namespace

TEST_CASE("with no change the alarm rate over the horizon is about alpha", "[monitor][simulation]") {
  // 1,000 replications: the binomial standard error at alpha = 0.05 is 0.0069.
  const size_t replications = 1000;
  for (const MonitorSettings& settings :
       {MonitorSettings{MonitorProcess::kOlsCusum, 1, 0.05, 4}, MonitorSettings{MonitorProcess::kOlsMosum, 0.5, 0.05, 4},
        MonitorSettings{MonitorProcess::kMe, 0.5, 0.05, 4}}) {
    const Simulation s = simulate(settings, replications, 200, 0.8, 0.001, 0, 20261202);
    INFO("process " << static_cast<int>(settings.process) << ": alarm rate " << s.alarm_rate);
    WARN("size, process " << static_cast<int>(settings.process) << ": " << s.alarm_rate);
    CHECK(s.alarm_rate < settings.alpha + 3 * 0.0069);
    // OLS-CUSUM's boundary keeps its size over an infinite horizon, so over 4 times the
    // history it is conservative; ME's and OLS-MOSUM's critical values are for the period.
    if (settings.process != MonitorProcess::kOlsCusum) CHECK(s.alarm_rate > settings.alpha - 3 * 0.0069);
  }
}

TEST_CASE("a change raises the alarm, and how soon", "[monitor][simulation]") {
  // ME watches the coefficients: the ratio moving from 0.8 to 0.3, 50 returns into the
  // monitoring. OLS-CUSUM and OLS-MOSUM watch the residuals' level: with proxy returns
  // of mean about 0 a ratio change hardly moves it, so they get an intercept shift of
  // 0.002 (half the noise's deviation) instead.
  struct Change { MonitorSettings settings; double after, intercept_after; };
  for (const Change& change : {Change{{MonitorProcess::kMe, 0.5, 0.05, 4}, 0.3, 0.001},
                               Change{{MonitorProcess::kOlsCusum, 1, 0.05, 4}, 0.8, 0.003},
                               Change{{MonitorProcess::kOlsMosum, 0.5, 0.05, 4}, 0.8, 0.003}}) {
    const Simulation s = simulate(change.settings, 200, 200, change.after, change.intercept_after, 50, 7);
    INFO("process " << static_cast<int>(change.settings.process));
    WARN("power, process " << static_cast<int>(change.settings.process) << ": alarm rate "
                           << s.alarm_rate << ", mean delay " << s.mean_delay << " returns");
    CHECK(s.alarm_rate > 0.95);
    CHECK(s.mean_delay < 200);
  }
}

namespace {

// A data set of monitor_inputs.csv as returns on consecutive days.
ReturnSeries returns_of(const Regression& r) {
  ReturnSeries returns;
  returns.values.resize(static_cast<size_t>(r.x.cols()));
  for (Eigen::Index t = 0; t < r.x.rows(); ++t) {
    returns.time.push_back((20000 + t) * kNanosPerDay);
    returns.values[0].push_back(r.y[t]);
    for (Eigen::Index j = 1; j < r.x.cols(); ++j) returns.values[static_cast<size_t>(j)].push_back(r.x(t, j));
  }
  return returns;
}

// The one-proxy OLS slope over rows [from, to), by the textbook formula.
double slope(const std::vector<double>& y, const std::vector<double>& x, size_t from, size_t to) {
  double mx = 0, my = 0;
  for (size_t t = from; t < to; ++t) mx += x[t], my += y[t];
  mx /= static_cast<double>(to - from), my /= static_cast<double>(to - from);
  double sxy = 0, sxx = 0;
  for (size_t t = from; t < to; ++t) sxy += (x[t] - mx) * (y[t] - my), sxx += (x[t] - mx) * (x[t] - mx);
  return sxy / sxx;
}

}  // namespace

TEST_CASE("monitoring a hedge: the history, the alarm's date, the ratios before and since", "[monitor]") {
  const ReturnSeries returns = returns_of(read_inputs().at("dax_ftse"));
  const MonitorSettings me{MonitorProcess::kMe, 0.5, 0.05, 2};
  const double critical = *monitor_critical_value(me, 2);
  const Monitoring by_count = monitor_hedge(returns, {me, std::nullopt, 500}, critical);
  // strucchange's breakpoint for this case (monitor_cases.csv, case 33).
  REQUIRE(by_count.alarm_index);
  CHECK(*by_count.alarm_index == 791);
  CHECK(by_count.alarm_date == returns.time[790]);
  CHECK(by_count.history_n == 500);
  CHECK(by_count.history_from == returns.time[0]);
  CHECK(by_count.history_to == returns.time[499]);
  CHECK(by_count.monitored_n == returns.size() - 500);
  CHECK(by_count.monitored_to == returns.time.back());
  CHECK(by_count.horizon_passed);  // 1,859 returns > 2 x 500
  CHECK(relative(by_count.history_hedge_ratios.at(0), slope(returns.values[0], returns.values[1], 0, 500)) < 1e-12);
  CHECK(relative(by_count.hedge_ratios_since.at(0),
                 slope(returns.values[0], returns.values[1], 500, returns.size())) < 1e-12);
  // The same history named by its last date, or by a date between two returns.
  const Monitoring by_date = monitor_hedge(returns, {me, returns.time[499], std::nullopt}, critical);
  CHECK(by_date.alarm_index == by_count.alarm_index);
  CHECK(by_date.statistic == by_count.statistic);
  const Monitoring later = monitor_hedge(returns, {MonitorSettings{MonitorProcess::kMe, 0.5, 0.05, 10}, std::nullopt, 500},
                                         *monitor_critical_value({MonitorProcess::kMe, 0.5, 0.05, 10}, 2));
  CHECK_FALSE(later.horizon_passed);  // 1,859 <= 10 x 500
}

TEST_CASE("a history outside the returns or too short is a data error that says why", "[monitor]") {
  const ReturnSeries returns = returns_of(read_inputs().at("sim_calm"));
  const MonitorSettings cusum;
  const double critical = *monitor_critical_value(cusum, 2);
  CHECK_THROWS_WITH(monitor_hedge(returns, {cusum, std::nullopt, 3}, critical),
                    Catch::Contains("the history has 3 returns") && Catch::Contains("needs at least 4"));
  CHECK_THROWS_WITH(monitor_hedge(returns, {cusum, std::nullopt, 701}, critical),
                    Catch::Contains("longer than the 700 returns"));
  CHECK_THROWS_WITH(monitor_hedge(returns, {cusum, returns.time[0] - kNanosPerDay, std::nullopt}, critical),
                    Catch::Contains("outside the returns"));
  CHECK_THROWS_WITH(monitor_hedge(returns, {cusum, returns.time.back() + kNanosPerDay, std::nullopt}, critical),
                    Catch::Contains("outside the returns"));
  // A history of every return monitors nothing yet: no alarm, no statistic.
  const Monitoring none = monitor_hedge(returns, {cusum, std::nullopt, 700}, critical);
  CHECK(none.monitored_n == 0);
  CHECK_FALSE(none.monitored_to);
  CHECK_FALSE(none.alarm_index);
  CHECK(std::isnan(none.hedge_ratios_since.at(0)));
  const MonitorSettings me{MonitorProcess::kMe, 0.25, 0.01, 6};
  CHECK_THROWS_WITH(monitor_hedge(returns, {me, std::nullopt, 7}, *monitor_critical_value(me, 2)),
                    Catch::Contains("moving window of 1 returns"));
}

TEST_CASE("the residual processes do not move when returns are scaled or offset", "[monitor][numerics]") {
  // Residuals of a regression with an intercept are the same after y -> s y + u and
  // x -> s x + v, and so are sigma's units; OLS-CUSUM and OLS-MOSUM divide one by the
  // other. Scaled by 1e-8 (returns of prices near 1e9 moving by cents), offset by 1e3
  // (returns read as levels with --returns none), they must print the same processes.
  const Regression data = read_inputs().at("dax_ftse");
  const Eigen::Index history = 500;
  for (MonitorProcess process : {MonitorProcess::kOlsCusum, MonitorProcess::kOlsMosum}) {
    const MonitorSettings settings{process, 0.5, 0.05, 10};
    const double critical = *monitor_critical_value(settings, 2);
    for (const auto& [scale, offset] : {std::pair{1e-8, 0.0}, std::pair{1.0, 1e3}, std::pair{1e-8, 1e-5}}) {
      Regression moved = data;
      moved.x.col(1) = (data.x.col(1) * scale).array() + offset;
      moved.y = (data.y * scale).array() + offset;
      SequentialMonitor plain(data.x.topRows(history), data.y.head(history), settings, critical);
      SequentialMonitor shifted(moved.x.topRows(history), moved.y.head(history), settings, critical);
      double worst = 0;
      for (Eigen::Index t = history; t < data.x.rows(); ++t) {
        const double a = plain.push(data.x.row(t).transpose(), data.y[t]).process;
        const double b = shifted.push(moved.x.row(t).transpose(), moved.y[t]).process;
        worst = std::max(worst, std::fabs(a - b) / std::max(std::fabs(a), 1e-3));
      }
      INFO("process " << static_cast<int>(process) << ", scale " << scale << ", offset " << offset);
      CHECK(worst < 1e-8);
      CHECK(plain.alarm() == shifted.alarm());
    }
  }
}
