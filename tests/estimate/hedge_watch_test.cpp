// The watch of a hedge, one return at a time: its streaming estimators equal the whole-
// sample ones bit for bit, its rolling ratio equals a fresh OLS on the window, its trade
// equals the sizing formula, and its history follows the one-shot rules.

#include "hedgecalc/hedge_watch.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "estimate/streaming_window.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/ewma.hpp"
#include "hedgecalc/kalman.hpp"
#include "hedgecalc/monitoring.hpp"
#include "hedgecalc/rolling.hpp"

using namespace hedgecalc;

namespace {

struct Pair {
  std::vector<Timestamp> time;
  std::vector<double> target, proxy;
};

// Returns on irregular days (gaps of 1 to 4 days), the ratio 0.8 plus noise.
Pair simulated(size_t n, unsigned seed) {
  std::mt19937_64 random(seed);
  std::normal_distribution<double> normal(0, 0.01);
  std::uniform_int_distribution<int> gap(1, 4);
  Pair p;
  Timestamp t = 1700000000LL * 1000000000LL;
  for (size_t i = 0; i < n; ++i) {
    t += gap(random) * kNanosPerDay;
    const double x = normal(random);
    p.time.push_back(t);
    p.proxy.push_back(x);
    p.target.push_back(0.8 * x + 0.5 * normal(random));
  }
  return p;
}

bool same_bits(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// OLS slope of target on proxy over [from, to], from centred sums.
double ols_slope(const Pair& p, size_t from, size_t to) {
  double mx = 0, my = 0;
  const double n = static_cast<double>(to - from + 1);
  for (size_t i = from; i <= to; ++i) {
    mx += p.proxy[i] / n;
    my += p.target[i] / n;
  }
  double sxx = 0, sxy = 0;
  for (size_t i = from; i <= to; ++i) {
    sxx += (p.proxy[i] - mx) * (p.proxy[i] - mx);
    sxy += (p.proxy[i] - mx) * (p.target[i] - my);
  }
  return sxy / sxx;
}

}  // namespace

TEST_CASE("the streaming window has rolling_hedge_over's bits for every kind of window") {
  const Pair p = simulated(700, 1);
  std::vector<RollingWindow> windows(5);
  windows[0].count = 20;
  windows[1].count = 50;
  windows[1].min_obs = 10;
  windows[2].span = 30 * kNanosPerDay;
  windows[3].span = 7 * kNanosPerDay;
  windows[3].min_obs = 2;
  windows[4].expanding = true;
  for (const RollingWindow& window : windows) {
    const RollingSeries whole =
        rolling_hedge_over(p.target, p.proxy, window_starts(p.time, window), window.required());
    StreamingWindow stream(window);
    for (size_t t = 0; t < p.time.size(); ++t) {
      const double ratio = stream.push(p.time[t], p.proxy[t], p.target[t]);
      INFO("window " << window.count << "/" << window.span << "/" << window.expanding << " at " << t);
      REQUIRE(same_bits(ratio, whole.hedge_ratio[t]));
    }
  }
}

TEST_CASE("the streaming window's ratio is a fresh OLS on the window's returns") {
  const Pair p = simulated(300, 2);
  RollingWindow window;
  window.count = 40;
  StreamingWindow stream(window);
  for (size_t t = 0; t < p.time.size(); ++t) {
    const double ratio = stream.push(p.time[t], p.proxy[t], p.target[t]);
    if (t + 1 < 40) {
      CHECK(std::isnan(ratio));
    } else {
      CHECK(ratio == Approx(ols_slope(p, t + 1 - 40, t)).epsilon(1e-12));
    }
  }
}

TEST_CASE("the EWMA and Kalman recursions have the whole-sample functions' bits") {
  const Pair p = simulated(400, 3);
  const EwmaSeries ewma = ewma_hedge(p.target, p.proxy, 0.94);
  EwmaRecursion recursion(0.94);
  const KalmanVariances variances{1e-6, 1e-4, 2e-5};
  const KalmanSeries kalman = kalman_filter(p.target, p.proxy, true, variances);
  KalmanRecursion filter(true, variances);
  for (size_t t = 0; t < p.time.size(); ++t) {
    recursion.push(p.proxy[t], p.target[t]);
    filter.push(p.target[t], p.proxy[t]);
    if (t > 0) REQUIRE(same_bits(recursion.hedge_ratio(), ewma.hedge_ratio[t]));
    if (t > 0) REQUIRE(same_bits(recursion.correlation(), ewma.correlation[t]));
    REQUIRE(same_bits(filter.hedge_ratio(), kalman.hedge_ratio[t]));
  }
}

namespace {

ReturnSeries as_returns(const Pair& p) {
  ReturnSeries r;
  r.time = p.time;
  r.values = {p.target, p.proxy};
  return r;
}

WatchOptions cusum_after(size_t history) {
  WatchOptions w;
  w.monitor.history_n = history;
  w.critical_value = *monitor_critical_value(w.monitor.settings, 2);
  return w;
}

}  // namespace

TEST_CASE("a watch's columns: each estimator from the first return, the trade by the formula") {
  const Pair p = simulated(500, 4);
  WatchOptions w = cusum_after(200);
  w.window.count = 60;
  w.ewma_lambda = 0.97;
  w.kalman = true;
  w.kalman_variances = KalmanVariances{1e-6, 1e-4, 2e-5};
  w.sizing.exposure = 1e6;
  w.position = -500;
  w.band = 0.05;
  std::vector<double> prices(p.time.size());
  for (size_t t = 0; t < prices.size(); ++t) prices[t] = 40 + 0.01 * static_cast<double>(t);
  const Monitoring m = monitor_hedge(as_returns(p), w, prices);
  REQUIRE(m.monitored_n == 300);
  const EwmaSeries ewma = ewma_hedge(p.target, p.proxy, 0.97);
  const KalmanSeries kalman = kalman_filter(p.target, p.proxy, true, *w.kalman_variances);
  for (size_t i = 0; i < m.monitored_n; ++i) {
    const size_t t = 200 + i;
    const WatchEvent e = m.event(i);
    REQUIRE(e.time == p.time[t]);
    CHECK(e.window_ratio == Approx(ols_slope(p, t - 59, t)).epsilon(1e-12));
    CHECK(e.ewma_ratio == ewma.hedge_ratio[t]);
    CHECK(e.kalman_ratio == kalman.hedge_ratio[t]);
    // The trade follows the rolling ratio: short h X / P units, from -500 held.
    REQUIRE(e.trade);
    const double target = -e.window_ratio * 1e6 / prices[t];
    CHECK(e.trade->target_position == Approx(target).epsilon(1e-14));
    const bool inside = std::fabs(target + 500) <= 0.05 * std::fabs(target);
    CHECK(e.trade->trade == Approx(inside ? 0.0 : target + 500).epsilon(1e-12));
    CHECK(e.trade->action == (inside ? "hold" : target + 500 > 0 ? "buy" : "sell"));
  }
}

TEST_CASE("without an estimator the trade follows the history's ratio; estimated Kalman "
          "variances come from the history alone") {
  const Pair p = simulated(400, 5);
  WatchOptions w = cusum_after(150);
  w.sizing.exposure = 2e5;
  w.position = 0;
  std::vector<double> prices(p.time.size(), 25.0);
  const Monitoring m = monitor_hedge(as_returns(p), w, prices);
  CHECK(m.event(0).trade->target_position ==
        Approx(-m.history_hedge_ratios[0] * 2e5 / 25).epsilon(1e-14));
  CHECK(std::isnan(m.event(0).ewma_ratio));

  w = cusum_after(150);
  w.kalman = true;
  const Monitoring k = monitor_hedge(as_returns(p), w, {});
  const std::vector<double> target(p.target.begin(), p.target.begin() + 150),
      proxy(p.proxy.begin(), p.proxy.begin() + 150);
  const KalmanVariances variances = kalman_estimate(target, proxy, true).variances;
  const KalmanSeries filtered = kalman_filter(p.target, p.proxy, true, variances);
  for (size_t i = 0; i < k.monitored_n; ++i) REQUIRE(k.event(i).kalman_ratio == filtered.hedge_ratio[150 + i]);
}

TEST_CASE("a watch fed one return at a time ends its history by date as the one-shot does") {
  const Pair p = simulated(300, 6);
  WatchOptions w;
  w.critical_value = *monitor_critical_value(w.monitor.settings, 2);
  w.monitor.history_to = p.time[99] + kNanosPerDay / 2;  // between two returns
  HedgeWatch watch(w, 1);
  size_t events = 0;
  for (size_t t = 0; t < p.time.size(); ++t) {
    const double row[2] = {p.target[t], p.proxy[t]};
    const auto event = watch.push(p.time[t], row, NAN);
    CHECK(event.has_value() == (t >= 100));
    events += event.has_value();
  }
  CHECK(events == 200);
  CHECK(watch.history_size() == 100);
  CHECK(watch.history_to() == p.time[99]);

  w.monitor.history_to = p.time[0] - 1;
  HedgeWatch early(w, 1);
  const double row[2] = {p.target[0], p.proxy[0]};
  CHECK_THROWS_AS(early.push(p.time[0], row, NAN), DataError);

  w.monitor.history_to = p.time[2];
  HedgeWatch short_history(w, 1);
  for (size_t t = 0; t < 3; ++t) {
    const double r[2] = {p.target[t], p.proxy[t]};
    short_history.push(p.time[t], r, NAN);
  }
  CHECK_THROWS_WITH(short_history.finish(), Catch::Contains("the history has 3 returns") &&
                                                Catch::Contains("at least 4"));
}
