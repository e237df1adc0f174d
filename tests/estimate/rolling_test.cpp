#include "hedgecalc/rolling.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>

#include "hedgecalc/error.hpp"
#include "hedgecalc/executor.hpp"
#include "hedgecalc/rolling_window.hpp"

using namespace hedgecalc;

namespace {

// A fresh two-pass computation on one window, in long double.
struct Fresh {
  long double ratio, correlation, effectiveness;
  bool proxy_constant, target_constant;
};

Fresh fresh(const std::vector<double>& t, const std::vector<double>& p, size_t end, size_t w) {
  long double mt = 0, mp = 0;
  for (size_t i = end + 1 - w; i <= end; ++i) mt += t[i], mp += p[i];
  mt /= w, mp /= w;
  long double stt = 0, spp = 0, stp = 0;
  for (size_t i = end + 1 - w; i <= end; ++i) {
    stt += (t[i] - mt) * (t[i] - mt);
    spp += (p[i] - mp) * (p[i] - mp);
    stp += (t[i] - mt) * (p[i] - mp);
  }
  Fresh f{};
  f.proxy_constant = spp == 0;
  f.target_constant = stt == 0;
  if (!f.proxy_constant) f.ratio = stp / spp;
  if (!f.proxy_constant && !f.target_constant) {
    f.correlation = stp / std::sqrt(stt * spp);
    // 1 - var(T - hP)/var(T) with h = stp/spp is stp^2/(stt spp). Written as
    // 1 - shh/stt it would lose digits to cancellation when the hedge removes almost
    // nothing (an effectiveness of 1e-11 keeps only 8 digits even in long double).
    f.effectiveness = stp * stp / (stt * spp);
  }
  return f;
}

bool relatively_close(double actual, long double expected, double tolerance) {
  const bool ok = std::fabs(actual - static_cast<double>(expected)) <=
                  tolerance * std::fabs(static_cast<double>(expected));
  if (!ok) {
    UNSCOPED_INFO("got " << actual << " want " << static_cast<double>(expected) << " rel "
                         << std::fabs(actual - static_cast<double>(expected)) /
                                std::fabs(static_cast<double>(expected)));
  }
  return ok;
}

void check_against_fresh(const std::vector<double>& t, const std::vector<double>& p, size_t w,
                         double tolerance) {
  const RollingSeries r = rolling_hedge(t, p, w);
  REQUIRE(r.hedge_ratio.size() == t.size());
  for (size_t e = 0; e + 1 < w; ++e) {
    REQUIRE(std::isnan(r.hedge_ratio[e]));  // warm-up: W-1 undefined values
  }
  size_t mismatches = 0;
  for (size_t e = w - 1; e < t.size(); ++e) {
    const Fresh f = fresh(t, p, e, w);
    if (r.correlation[e] < -1 || r.correlation[e] > 1) ++mismatches;
    if (f.proxy_constant) {
      mismatches += !std::isnan(r.hedge_ratio[e]);
      continue;
    }
    mismatches += !relatively_close(r.hedge_ratio[e], f.ratio, tolerance);
    if (f.target_constant) {
      mismatches += !std::isnan(r.correlation[e]) + !std::isnan(r.effectiveness[e]);
      continue;
    }
    mismatches += !relatively_close(r.correlation[e], f.correlation, tolerance);
    mismatches += !relatively_close(r.effectiveness[e], f.effectiveness, tolerance);
  }
  CHECK(mismatches == 0);
}

std::vector<double> gaussian(size_t n, double scale, double mean, std::mt19937_64& rng) {
  std::normal_distribution<double> normal;
  std::vector<double> out(n);
  for (double& v : out) v = mean + scale * normal(rng);
  return out;
}

}  // namespace

TEST_CASE("every rolling value equals a fresh two-pass computation", "[rolling]") {
  std::mt19937_64 rng(1);
  const auto p = gaussian(20000, 0.02, 0.0, rng);
  auto t = gaussian(20000, 0.015, 0.0005, rng);
  for (size_t i = 0; i < t.size(); ++i) t[i] += 0.9 * p[i];
  for (size_t w : {2, 3, 20, 251, 1440, 19999, 20000}) {
    INFO("window " << w);
    check_against_fresh(t, p, w, 1e-10);
  }
}

TEST_CASE("returns of prices near 1e9 with moves near 1e-8", "[rolling]") {
  std::mt19937_64 rng(2);
  std::normal_distribution<double> normal;
  double pp = 1e9, pt = 1.5e9;
  std::vector<double> t, p;
  for (int i = 0; i < 5000; ++i) {
    const double next_p = pp + 10 * normal(rng);  // 1e-8 relative moves
    const double next_t = pt + 12 * normal(rng) + 0.8 * (next_p - pp);
    p.push_back(next_p / pp - 1);
    t.push_back(next_t / pt - 1);
    pp = next_p, pt = next_t;
  }
  check_against_fresh(t, p, 100, 1e-10);
  check_against_fresh(t, p, 1440, 1e-10);
}

TEST_CASE("constant stretches give undefined values, never a correlation outside [-1, 1]",
          "[rolling]") {
  std::mt19937_64 rng(3);
  auto p = gaussian(3000, 0.01, 0.0, rng);
  auto t = gaussian(3000, 0.01, 0.0, rng);
  // Prices that do not move give returns of exactly zero: stretches of 0 in either series.
  for (size_t i = 500; i < 900; ++i) p[i] = 0.0;
  for (size_t i = 1500; i < 1700; ++i) t[i] = 0.0;
  for (size_t i = 2000; i < 2600; ++i) p[i] = t[i] = 0.0;
  for (size_t w : {10, 50, 200, 400}) {
    INFO("window " << w);
    check_against_fresh(t, p, w, 1e-10);
  }
  const RollingSeries r = rolling_hedge(t, p, 100);
  CHECK(std::isnan(r.hedge_ratio[899]));
  CHECK(std::isnan(r.correlation[1699]));
  CHECK(std::isnan(r.effectiveness[2599]));
}

TEST_CASE("W equal to n gives one value; W larger than n is an error", "[rolling]") {
  const std::vector<double> t = {0.01, -0.02, 0.015, 0.0, 0.03};
  const std::vector<double> p = {0.012, -0.018, 0.01, 0.002, 0.02};
  const RollingSeries r = rolling_hedge(t, p, 5);
  CHECK(std::isnan(r.hedge_ratio[3]));
  CHECK(relatively_close(r.hedge_ratio[4], fresh(t, p, 4, 5).ratio, 1e-12));
  CHECK_THROWS_WITH(rolling_hedge(t, p, 6),
                    Catch::Matchers::Contains("--window 6 is longer than the 5 aligned returns"));
}

TEST_CASE("summary of a rolling series skips undefined values", "[rolling]") {
  const SeriesSummary s = summarize({NAN, 1.0, 3.0, 2.0});
  CHECK(s.last == 2.0);
  CHECK(s.min == 1.0);
  CHECK(s.max == 3.0);
  CHECK(s.mean == Approx(2.0).epsilon(1e-15));
  CHECK(s.std == Approx(1.0).epsilon(1e-15));
  CHECK(std::isnan(summarize({NAN, 1.0, NAN}).last));
}

namespace {

// rolling_hedge_over against a fresh computation of every window [start[e], e].
void check_over_against_fresh(const std::vector<double>& t, const std::vector<double>& p,
                              const std::vector<size_t>& start, size_t min_obs) {
  const RollingSeries r = rolling_hedge_over(t, p, start, min_obs);
  size_t mismatches = 0;
  for (size_t e = 0; e < t.size(); ++e) {
    const size_t w = e + 1 - start[e];
    if (w < min_obs || w < 2) {
      mismatches += !std::isnan(r.hedge_ratio[e]);
      continue;
    }
    const Fresh f = fresh(t, p, e, w);
    if (f.proxy_constant) {
      mismatches += !std::isnan(r.hedge_ratio[e]);
      continue;
    }
    mismatches += !relatively_close(r.hedge_ratio[e], f.ratio, 1e-10);
    if (f.target_constant) {
      mismatches += !std::isnan(r.correlation[e]);
      continue;
    }
    mismatches += !relatively_close(r.correlation[e], f.correlation, 1e-10);
    mismatches += !relatively_close(r.effectiveness[e], f.effectiveness, 1e-10);
  }
  CHECK(mismatches == 0);
}

}  // namespace

TEST_CASE("windows of any monotone start equal fresh computations", "[rolling]") {
  std::mt19937_64 rng(4);
  // Returns of prices near 1e9 moving by ~1e-8, with constant stretches in each series.
  std::normal_distribution<double> normal;
  double pp = 1e9, pt = 1.5e9;
  std::vector<double> t, p;
  for (int i = 0; i < 6000; ++i) {
    const bool still_p = i >= 1000 && i < 1300, still_t = i >= 3000 && i < 3100;
    const double next_p = still_p ? pp : pp + 10 * normal(rng);
    const double next_t = still_t ? pt : pt + 12 * normal(rng) + 0.8 * (next_p - pp);
    p.push_back(next_p / pp - 1);
    t.push_back(next_t / pt - 1);
    pp = next_p, pt = next_t;
  }
  // Times with gaps (weekends, a two-week halt): a 10-day span holds 0 to 10 returns.
  std::vector<Timestamp> times;
  Timestamp now = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    now += (i % 7 == 5 ? 3 : 1) * kNanosPerDay + (i == 2000 ? 14 * kNanosPerDay : 0);
    times.push_back(now);
  }
  for (const Timestamp days : {10, 1, 60}) {
    INFO(days << " days");
    RollingWindow window;
    window.span = days * kNanosPerDay;
    check_over_against_fresh(t, p, window_starts(times, window), window.required());
  }
  RollingWindow expanding;
  expanding.expanding = true;
  check_over_against_fresh(t, p, window_starts(times, expanding), 3);
  // Count windows with a lower --min-obs: partial windows at the start.
  RollingWindow count;
  count.count = 250;
  check_over_against_fresh(t, p, window_starts(times, count), 20);
  // And a full count window equals the block algorithm.
  const RollingSeries block = rolling_hedge(t, p, 100);
  RollingWindow last_100;
  last_100.count = 100;
  const RollingSeries queue = rolling_hedge_over(t, p, window_starts(times, last_100), 100);
  for (size_t e = 99; e < t.size(); e += 37) {
    if (std::isnan(block.hedge_ratio[e])) continue;
    CHECK(relatively_close(queue.hedge_ratio[e], block.hedge_ratio[e], 1e-12));
  }
}

TEST_CASE("the three rolling series summarised together as each alone", "[rolling]") {
  std::mt19937 rng(9);
  std::normal_distribution<double> value(0.8, 0.3);
  std::uniform_int_distribution<int> gap(0, 9);
  RollingSeries series;
  for (int i = 0; i < 10'000; ++i) {
    series.hedge_ratio.push_back(i < 30 || gap(rng) == 0 ? NAN : value(rng));
    series.correlation.push_back(gap(rng) == 0 ? NAN : value(rng) / 2);
    series.effectiveness.push_back(gap(rng) < 2 ? NAN : value(rng) * value(rng));
  }
  series.effectiveness.back() = NAN;  // `last` is the last value, defined or not
  const auto together = summarize_each(series);
  const std::vector<double>* each[] = {&series.hedge_ratio, &series.correlation, &series.effectiveness};
  for (size_t k = 0; k < 3; ++k) {
    const SeriesSummary alone = summarize(*each[k]);
    const double a[] = {alone.last, alone.min, alone.max, alone.mean, alone.std};
    const double b[] = {together[k].last, together[k].min, together[k].max, together[k].mean, together[k].std};
    CHECK(std::memcmp(a, b, sizeof a) == 0);
  }
  CHECK(std::isnan(together[2].last));
}

TEST_CASE("rolling values are the same bits on any number of threads", "[rolling]") {
  // Each thread takes whole blocks and first rebuilds the block before its own.
  std::mt19937 rng(31);
  std::normal_distribution<double> noise(0.0, 0.01);
  for (const auto& [n, w] : std::vector<std::pair<size_t, size_t>>{
           {1000, 7}, {1001, 10}, {50, 50}, {99, 50}, {100, 50}, {101, 50}, {5000, 1440}}) {
    std::vector<double> t(n), p(n);
    for (size_t i = 0; i < n; ++i) p[i] = noise(rng), t[i] = 0.8 * p[i] + noise(rng);
    const RollingSeries one = rolling_hedge(t, p, w);
    for (size_t jobs : {2, 3, 7}) {
      CAPTURE(n, w, jobs);
      const RollingSeries many = rolling_hedge(t, p, w, Executor(jobs));
      CHECK(std::memcmp(one.hedge_ratio.data(), many.hedge_ratio.data(), n * sizeof(double)) == 0);
      CHECK(std::memcmp(one.correlation.data(), many.correlation.data(), n * sizeof(double)) == 0);
      CHECK(std::memcmp(one.effectiveness.data(), many.effectiveness.data(), n * sizeof(double)) == 0);
    }
  }
}
