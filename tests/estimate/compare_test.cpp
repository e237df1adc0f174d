// --compare against a plain out-of-sample loop written here from the per-date ratios
// that other tests check against pandas and statsmodels (--series), and an expanding
// OLS fitted afresh at every date.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <random>

#include "golden.hpp"
#include "hedgecalc/kalman.hpp"
#include "process.hpp"

namespace {

const std::string kPair = "data/token.csv data/btc.csv";

struct Plain {
  double effectiveness, vol_hedged, turnover;
};

double variance(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double sum = 0;
  for (double x : v) sum += (x - mean) * (x - mean);
  return sum / static_cast<double>(v.size() - 1);
}

// Every K returns from `first`, the ratio known the day before hedges the next K.
Plain out_of_sample(const std::vector<double>& t, const std::vector<double>& p,
                    const std::vector<double>& ratio, size_t first, size_t k) {
  std::vector<double> target, hedged;
  double h = 0, turnover = 0;
  for (size_t i = first; i < t.size(); ++i) {
    if ((i - first) % k == 0 && !std::isnan(ratio[i - 1])) {
      turnover += std::fabs(ratio[i - 1] - h);
      h = ratio[i - 1];
    }
    target.push_back(t[i]);
    hedged.push_back(t[i] - h * p[i]);
  }
  return {1 - variance(hedged) / variance(target), std::sqrt(variance(hedged)), turnover};
}

double number(const std::string& text) { return text.empty() ? NAN : std::stod(text); }

}  // namespace

TEST_CASE("the estimator contest equals a plain out-of-sample loop", "[compare]") {
  // Kalman with fixed variances (the full-sample estimates, as printed): a filter that
  // reads only past returns, whose per-date ratios --series shows. Estimated variances
  // are fitted out of sample (the next test).
  const auto fit = parse_csv_row(run_hedgecalc("--format csv --kalman " + kPair).out);
  const std::string kalman_fixed = "--kalman --kalman-q " + fit.at("kalman_q_intercept") + "," +
                                   fit.at("kalman_q_ratio") + " --kalman-r " + fit.at("kalman_r");
  const auto rows = parse_csv_table(
      run_hedgecalc("--series --format csv --window 60 --ewma 0.94 " + kalman_fixed + " " + kPair).out);
  const auto summary = parse_csv_row(run_hedgecalc("--format csv " + kPair).out);
  const size_t n = rows.size();
  REQUIRE(n == 727);
  std::vector<double> t, p, rolling, ewma, kalman, expanding(n, NAN), naive(n, 1.0),
      fixed(n, std::stod(summary.at("hedge_ratio")));
  for (const auto& row : rows) {
    t.push_back(number(row.at("target_return")));
    p.push_back(number(row.at("proxy_return")));
    rolling.push_back(number(row.at("hedge_ratio")));
    ewma.push_back(number(row.at("ewma_hedge_ratio")));
    kalman.push_back(number(row.at("kalman_hedge_ratio")));
  }
  for (size_t e = 2; e < n; ++e) {  // OLS on returns [0, e], fitted afresh
    double mt = 0, mp = 0;
    for (size_t i = 0; i <= e; ++i) mt += t[i], mp += p[i];
    mt /= static_cast<double>(e + 1), mp /= static_cast<double>(e + 1);
    double spp = 0, stp = 0;
    for (size_t i = 0; i <= e; ++i) spp += (p[i] - mp) * (p[i] - mp), stp += (t[i] - mt) * (p[i] - mp);
    expanding[e] = stp / spp;
  }
  // The common first date: the rolling window's, W = 60.
  const std::map<std::string, Plain> expected = {
      {"naive", out_of_sample(t, p, naive, 60, 5)},
      {"static", out_of_sample(t, p, fixed, 60, 5)},
      {"expanding", out_of_sample(t, p, expanding, 60, 5)},
      {"rolling 60", out_of_sample(t, p, rolling, 60, 5)},
      {"ewma 0.94", out_of_sample(t, p, ewma, 60, 5)},
      {"kalman", out_of_sample(t, p, kalman, 60, 5)}};
  // --rebalance without a window backtests the EWMA (then the Kalman) ratio from the
  // day after its first value.
  for (const auto& [options, ratio] : std::vector<std::pair<std::string, std::vector<double>*>>{
           {"--ewma 0.94", &ewma}, {kalman_fixed, &kalman}}) {
    size_t first = 0;
    while (std::isnan((*ratio)[first])) ++first;
    const Plain plain = out_of_sample(t, p, *ratio, first + 1, 5);
    const auto backtest =
        parse_csv_row(run_hedgecalc("--format csv --rebalance 5 " + options + " " + kPair).out);
    INFO(options);
    CHECK(backtest.at("backtest_n") == std::to_string(n - first - 1));
    CHECK(std::stod(backtest.at("backtest_effectiveness")) == Approx(plain.effectiveness).epsilon(1e-12));
  }
  const auto contest = parse_csv_row(
      run_hedgecalc("--format csv --compare --rebalance 5 --window 60 " + kalman_fixed + " " + kPair).out);
  CHECK(contest.at("compare_start") == rows[60].at("date"));
  double previous = 1;
  for (int rank = 1; rank <= 6; ++rank) {
    const std::string prefix = "compare_" + std::to_string(rank) + "_";
    const std::string method = contest.at(prefix + "method");
    INFO(method);
    REQUIRE(expected.count(method) == 1);
    const Plain& plain = expected.at(method);
    // Ratios cross the csv text once: shortest round trip, so the loop sees the same bits.
    CHECK(std::stod(contest.at(prefix + "effectiveness")) == Approx(plain.effectiveness).epsilon(1e-12));
    CHECK(std::stod(contest.at(prefix + "vol_hedged")) == Approx(plain.vol_hedged).epsilon(1e-12));
    CHECK(std::stod(contest.at(prefix + "turnover")) == Approx(plain.turnover).epsilon(1e-12));
    CHECK(plain.effectiveness <= previous);  // best first
    previous = plain.effectiveness;
  }
}

TEST_CASE("the contest needs --rebalance, and --rebalance backtests EWMA and Kalman too", "[compare]") {
  const ProcessResult missing = run_hedgecalc("--compare " + kPair);
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("--rebalance") != std::string::npos);
  const ProcessResult nothing = run_hedgecalc("--rebalance 5 " + kPair);
  CHECK(nothing.exit_code == 2);
  const auto ewma = parse_csv_row(run_hedgecalc("--format csv --ewma 0.94 --rebalance 5 " + kPair).out);
  CHECK(ewma.at("backtest_method") == "ewma 0.94");
  const auto kalman = parse_csv_row(run_hedgecalc("--format csv --kalman --rebalance 5 " + kPair).out);
  CHECK(kalman.at("backtest_method") == "kalman");
  CHECK_FALSE(kalman.at("backtest_effectiveness").empty());
  const ProcessResult batch = run_hedgecalc(
      "batch --format csv --compare --rebalance 5 --stability -",
      source_dir() + "/tests/data/batch/pairs_from_root.csv");
  const auto rows = parse_csv_table(batch.out);
  REQUIRE_FALSE(rows.empty());
  CHECK(rows[0].count("compare_6_turnover") == 1);
  CHECK_FALSE(rows[0].at("compare_1_method").empty());
}

TEST_CASE("estimated Kalman variances are fitted out of sample in the contest and the backtest",
          "[compare][kalman]") {
  const auto rows = parse_csv_table(run_hedgecalc("--series --format csv --kalman " + kPair).out);
  std::vector<double> t, p;
  for (const auto& row : rows) {
    t.push_back(number(row.at("target_return")));
    p.push_back(number(row.at("proxy_return")));
  }
  // The contest's Kalman row: the ratios fitted on returns before each rebalancing date
  // from the common first date (the 60-return window's), through the plain loop.
  const Plain plain = out_of_sample(t, p, hedgecalc::kalman_out_of_sample(t, p, true, 60, 5), 60, 5);
  const auto contest =
      parse_csv_row(run_hedgecalc("--format csv --compare --rebalance 5 --window 60 --kalman " + kPair).out);
  bool found = false;
  for (int rank = 1; rank <= 6; ++rank) {
    const std::string prefix = "compare_" + std::to_string(rank) + "_";
    if (contest.at(prefix + "method") != "kalman") continue;
    found = true;
    CHECK(std::stod(contest.at(prefix + "effectiveness")) == Approx(plain.effectiveness).epsilon(1e-12));
    CHECK(std::stod(contest.at(prefix + "turnover")) == Approx(plain.turnover).epsilon(1e-12));
  }
  CHECK(found);
  // The backtest holds from the 5th return (4 estimate the 3 variances): its first ratio
  // is --kalman's last on the first 4 returns alone.
  const auto backtest = parse_csv_table(run_hedgecalc("--series --format csv --kalman --rebalance 5 " + kPair).out);
  for (size_t i = 0; i < 4; ++i) CHECK(backtest[i].at("backtest_ratio").empty());
  const auto head = parse_csv_row(run_hedgecalc("--format csv --kalman --to " + rows[3].at("date") + " " + kPair).out);
  CHECK(head.at("n") == "4");
  CHECK(std::stod(backtest[4].at("backtest_ratio")) == Approx(std::stod(head.at("kalman_hedge_ratio"))).epsilon(1e-12));
}

TEST_CASE("a proxy that does not move at first starts the contest, and its fits, later",
          "[compare][kalman]") {
  // The proxy holds its price for the first 150 dates, so the expanding and EWMA ratios
  // start after the 60-return window's first date: the out-of-sample fits, which start
  // before the parameter-free ratios are known (side by side with them), must be made
  // again from the later date, on any number of threads.
  const std::string folder = fresh_folder("late_contest");
  {
    std::mt19937_64 rng(20261204);
    std::normal_distribution<double> normal;
    std::ofstream target(folder + "/target.csv"), proxy(folder + "/proxy.csv");
    target << "date,price\n";
    proxy << "date,price\n";
    double tp = 50, pp = 100;
    for (int day = 0; day < 400; ++day) {
      const double move = day < 150 ? 0 : 0.02 * normal(rng);
      pp *= std::exp(move);
      tp *= std::exp(0.8 * move + 0.01 * normal(rng));
      const long long date = 1672531200LL + 86400LL * day;  // 2023-01-01 on, in epoch seconds
      target << date << "," << std::setprecision(17) << tp << "\n";
      proxy << date << "," << std::setprecision(17) << pp << "\n";
    }
  }
  const std::string pair = "'" + folder + "/target.csv' '" + folder + "/proxy.csv'";
  const auto rows = parse_csv_table(run_hedgecalc("--series --format csv " + pair).out);
  std::vector<double> t, p;
  for (const auto& row : rows) {
    t.push_back(number(row.at("target_return")));
    p.push_back(number(row.at("proxy_return")));
  }
  const std::string contest_options = "--format csv --compare --rebalance 5 --kalman --dcc ";
  const ProcessResult one = run_hedgecalc("--jobs 1 " + contest_options + pair);
  const ProcessResult two = run_hedgecalc("--jobs 2 " + contest_options + pair);
  REQUIRE(two.exit_code == 0);
  CHECK(two.out == one.out);
  const auto contest = parse_csv_row(two.out);
  size_t first = 0;
  while (first < rows.size() && rows[first].at("date") != contest.at("compare_start")) ++first;
  CHECK(first >= 150);  // not the 60-return window's first date, nor the DCC fit's (100)
  const Plain plain =
      out_of_sample(t, p, hedgecalc::kalman_out_of_sample(t, p, true, first, 5), first, 5);
  bool found = false;
  for (int rank = 1; rank <= 7; ++rank) {
    const std::string prefix = "compare_" + std::to_string(rank) + "_";
    if (contest.at(prefix + "method") != "kalman") continue;
    found = true;
    CHECK(std::stod(contest.at(prefix + "effectiveness")) ==
          Approx(plain.effectiveness).epsilon(1e-12));
    CHECK(std::stod(contest.at(prefix + "turnover")) == Approx(plain.turnover).epsilon(1e-12));
  }
  CHECK(found);
}

TEST_CASE("the contest alone (--rebalance K --compare) prints no backtest", "[compare]") {
  const ProcessResult r = run_hedgecalc("--rebalance 5 --compare --format json " + kPair);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"compare\"") != std::string::npos);
  CHECK(r.out.find("\"backtest\"") == std::string::npos);
  const auto row = parse_csv_row(run_hedgecalc("--rebalance 5 --compare --format csv " + kPair).out);
  CHECK(row.count("backtest_method") == 0);
  CHECK(row.count("compare_1_method") == 1);
}
