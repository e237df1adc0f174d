// --dcc from the command line: every printed number against a plain loop written here
// from the contract's recursions (at the printed parameters), the maxima against
// tests/golden/dcc.csv (R fGarch and scipy), the backtest and the contest's DCC hedge,
// batch columns, and bad input.

#include <catch2/catch.hpp>

#include <algorithm>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "golden.hpp"
#include "process.hpp"
#include "source_tree.hpp"

namespace {

using Row = std::map<std::string, std::string>;

double number(const Row& row, const std::string& key) { return std::stod(row.at(key)); }

struct Garch {
  double mu, omega, alpha, beta;
};

Garch printed_garch(const Row& record, const std::string& series) {
  const std::string stem = "dcc_" + series + "_";
  return {number(record, stem + "mu"), number(record, stem + "omega"), number(record, stem + "alpha"),
          number(record, stem + "beta")};
}

// s2_1 = mean e^2, s2_t = omega + alpha e2_{t-1} + beta s2_{t-1}; n + 1 values.
std::vector<double> variances(const std::vector<double>& r, const Garch& g) {
  double mean_square = 0;
  for (double x : r) mean_square += (x - g.mu) * (x - g.mu);
  std::vector<double> s2{mean_square / static_cast<double>(r.size())};
  for (double x : r) s2.push_back(g.omega + g.alpha * (x - g.mu) * (x - g.mu) + g.beta * s2.back());
  return s2;
}

double garch_loglik(const std::vector<double>& r, const Garch& g) {
  const std::vector<double> s2 = variances(r, g);
  double sum = 0;
  for (size_t t = 0; t < r.size(); ++t) {
    sum += std::log(2 * M_PI) + std::log(s2[t]) + (r[t] - g.mu) * (r[t] - g.mu) / s2[t];
  }
  return -0.5 * sum;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
  mx /= static_cast<double>(x.size()), my /= static_cast<double>(y.size());
  double sxx = 0, syy = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx), syy += (y[i] - my) * (y[i] - my), sxy += (x[i] - mx) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

// The whole model at given parameters: rho_t, s_T,t, s_P,t for t = 1..n+1, and the
// second-step log-likelihood.
struct Model {
  std::vector<double> rho, vol_t, vol_p;
  double loglik_correlation = 0;
};

Model plain_model(const std::vector<double>& rt, const std::vector<double>& rp, const Garch& gt,
                  const Garch& gp, double a, double b) {
  Model m;
  const std::vector<double> st = variances(rt, gt), sp = variances(rp, gp);
  std::vector<double> zt, zp;
  for (size_t t = 0; t < rt.size(); ++t) {
    zt.push_back((rt[t] - gt.mu) / std::sqrt(st[t]));
    zp.push_back((rp[t] - gp.mu) / std::sqrt(sp[t]));
  }
  const double qbar = pearson(zt, zp);
  double q11 = 1, q22 = 1, q12 = qbar;
  for (size_t t = 0; t <= rt.size(); ++t) {
    const double rho = q12 / std::sqrt(q11 * q22);
    m.rho.push_back(rho);
    m.vol_t.push_back(std::sqrt(st[t]));
    m.vol_p.push_back(std::sqrt(sp[t]));
    if (t == rt.size()) break;
    const double s = zt[t] * zt[t] + zp[t] * zp[t], c = zt[t] * zp[t];
    m.loglik_correlation += -0.5 * (std::log(1 - rho * rho) + (s - 2 * rho * c) / (1 - rho * rho) - s);
    q11 = (1 - a - b) + a * zt[t] * zt[t] + b * q11;
    q22 = (1 - a - b) + a * zp[t] * zp[t] + b * q22;
    q12 = (1 - a - b) * qbar + a * c + b * q12;
  }
  return m;
}

bool close(double want, double got, double tolerance = 1e-10) {
  return std::fabs(got - want) <= tolerance * std::max(1.0, std::fabs(want));
}

std::map<std::string, double> golden_scalars(const std::string& name) {
  std::map<std::string, double> values;
  for (const auto& row : parse_csv_table(source_file_text("tests/golden/dcc.csv"))) {
    if (row.at("case") == name && row.at("date").empty()) values[row.at("field")] = std::stod(row.at("value"));
  }
  return values;
}

std::string returns_args(const std::string& name) {
  const std::string file = "tests/data/dcc/" + name + ".csv";
  return "--returns none " + file + ":target " + file + ":proxy";
}

}  // namespace

TEST_CASE("the DCC option: prints what its parameters imply, at maxima no lower than fGarch's and scipy's",
          "[dcc][golden]") {
  for (const std::string name : {"sample", "eustock", "simulated"}) {
    INFO(name);
    const ProcessResult record = run_hedgecalc("--dcc --format csv " + returns_args(name));
    REQUIRE(record.exit_code == 0);
    const ProcessResult series = run_hedgecalc("--dcc --series --format csv " + returns_args(name));
    REQUIRE(series.exit_code == 0);
    const Row r = parse_csv_row(record.out);
    const auto rows = parse_csv_table(series.out);
    std::vector<double> rt, rp;
    for (const Row& row : rows) rt.push_back(number(row, "target_return")), rp.push_back(number(row, "proxy_return"));
    const Garch gt = printed_garch(r, "target"), gp = printed_garch(r, "proxy");
    const double a = number(r, "dcc_a"), b = number(r, "dcc_b");
    CHECK((gt.alpha + gt.beta < 1 && gp.alpha + gp.beta < 1 && a + b < 1 && a >= 0 && b >= 0));
    const auto golden = golden_scalars(name);
    const double lt = garch_loglik(rt, gt), lp = garch_loglik(rp, gp);
    CHECK(lt >= std::max(golden.at("fgarch_target_loglik"), golden.at("scipy_target_loglik")) - 1e-6);
    CHECK(lp >= std::max(golden.at("fgarch_proxy_loglik"), golden.at("scipy_proxy_loglik")) - 1e-6);
    const Model m = plain_model(rt, rp, gt, gp, a, b);
    CHECK(close(lt + lp + m.loglik_correlation, number(r, "dcc_loglik")));
    const size_t n = rt.size();
    CHECK(close(m.rho[n], number(r, "dcc_correlation")));
    CHECK(close(m.rho[n] * m.vol_t[n] / m.vol_p[n], number(r, "dcc_hedge_ratio")));
    double sum = 0, low = INFINITY, high = -INFINITY;
    for (size_t t = 0; t < n; ++t) {
      INFO("date " << rows[t].at("date"));
      const double h = m.rho[t] * m.vol_t[t] / m.vol_p[t];
      sum += h, low = std::min(low, h), high = std::max(high, h);
      REQUIRE(close(h, number(rows[t], "dcc_hedge_ratio")));
      REQUIRE(close(m.rho[t], number(rows[t], "dcc_correlation")));
      REQUIRE(close(m.vol_t[t], number(rows[t], "target_vol")));
      REQUIRE(close(m.vol_p[t], number(rows[t], "proxy_vol")));
      REQUIRE(close(rt[t] - h * rp[t], number(rows[t], "dcc_hedged_return")));
    }
    CHECK(close(sum / static_cast<double>(n), number(r, "dcc_ratio_mean")));
    CHECK(close(low, number(r, "dcc_ratio_min")));
    CHECK(close(high, number(r, "dcc_ratio_max")));
  }
}

namespace {

// The eustock returns with those from row `from` on multiplied by `factor`, and only the
// first `rows`, as a file in /tmp.
std::string changed_returns(size_t from, double factor, size_t rows, const std::string& name) {
  const auto table = parse_csv_table(source_file_text("tests/data/dcc/eustock.csv"));
  const std::string path = "/tmp/hedgecalc_dcc_" + std::to_string(::getpid()) + "_" + name + ".csv";
  std::ofstream out(path);
  out.precision(17);
  out << "date,target,proxy\n";
  for (size_t t = 0; t < std::min(rows, table.size()); ++t) {
    const double f = t >= from ? factor : 1.0;
    out << table[t].at("date") << ',' << f * std::stod(table[t].at("target")) << ','
        << f * std::stod(table[t].at("proxy")) << '\n';
  }
  return path;
}

// --rebalance 5 --series of the model `extra` names (--dcc unless it names one).
std::vector<Row> backtest_rows(const std::string& file, const std::string& extra) {
  const std::string model = extra.find("--kalman") == std::string::npos ? "--dcc " : "";
  const ProcessResult r = run_hedgecalc(model + "--rebalance 5 --series --format csv --returns none " + extra +
                                        " " + file + ":target " + file + ":proxy");
  REQUIRE(r.exit_code == 0);
  return parse_csv_table(r.out);
}

}  // namespace

TEST_CASE("the DCC option: a backtest holds from the 101st return a forecast fitted before it",
          "[dcc]") {
  for (const std::string extra : {"", "--min-obs 150"}) {
    INFO(extra);
    const size_t first = extra.empty() ? 100 : 150;
    const std::string all = changed_returns(0, 1.0, 100000, "all");
    const auto rows = backtest_rows(all, extra);
    for (size_t t = 0; t < first; ++t) REQUIRE(rows[t].at("backtest_ratio").empty());
    // The first held ratio is the next-period forecast of --dcc on the returns before it.
    const std::string head = changed_returns(0, 1.0, first, "head");
    const Row fit = parse_csv_row(
        run_hedgecalc("--dcc --format csv --returns none " + head + ":target " + head + ":proxy").out);
    CHECK(close(number(fit, "dcc_hedge_ratio"), number(rows[first], "backtest_ratio"), 1e-12));
    const Row record = parse_csv_row(run_hedgecalc("--dcc --rebalance 5 --format csv --returns none " + extra +
                                                   " " + all + ":target " + all + ":proxy").out);
    CHECK(record.at("backtest_method") == "dcc");
    CHECK(number(record, "backtest_n") == static_cast<double>(rows.size() - first));
    std::remove(all.c_str());
    std::remove(head.c_str());
  }
}

TEST_CASE("backtests of fitted models: returns after a date move no ratio held up to it",
          "[dcc][kalman]") {
  // Rebalancing dates (every 5th from the first), early and late, so that a fit that saw
  // even one return too many would show: DCC holds from the 101st return, Kalman with
  // estimated variances from the 5th.
  const std::vector<std::pair<std::string, std::vector<size_t>>> cases{
      {"--dcc", {100, 105, 110, 115, 125, 140, 155, 175, 295, 715, 1060, 1500}},
      {"--kalman", {4, 9, 14, 19, 24, 34, 54, 99, 294, 714, 1059, 1499}}};
  const std::string base = changed_returns(0, 1.0, 100000, "base");
  for (const auto& [estimator, dates] : cases) {
    const auto before = backtest_rows(base, estimator);
    for (const size_t from : dates) {
      INFO(estimator << ": returns from row " << from << " tripled");
      const std::string changed = changed_returns(from, 3.0, 100000, "changed");
      const auto after = backtest_rows(changed, estimator);
      REQUIRE(before.size() == after.size());
      REQUIRE(!before[from].at("backtest_ratio").empty());
      for (size_t t = 0; t <= from; ++t) {
        INFO("row " << t);
        REQUIRE(before[t].at("backtest_ratio") == after[t].at("backtest_ratio"));
      }
      // The test has teeth: a later held ratio does move.
      bool moved = false;
      for (size_t t = from + 1; t < before.size(); ++t) moved |= before[t].at("backtest_ratio") != after[t].at("backtest_ratio");
      CHECK(moved);
      std::remove(changed.c_str());
    }
  }
  std::remove(base.c_str());
}

TEST_CASE("the contest with --dcc ranks the DCC hedge among the others", "[dcc]") {
  const ProcessResult with = run_hedgecalc("--dcc --rebalance 20 --compare --format json " + returns_args("eustock"));
  REQUIRE(with.exit_code == 0);
  CHECK(with.out.find("\"method\": \"dcc\"") != std::string::npos);
  const ProcessResult without = run_hedgecalc("--rebalance 20 --compare --format json " + returns_args("eustock"));
  REQUIRE(without.exit_code == 0);
  CHECK(without.out.find("\"method\": \"dcc\"") == std::string::npos);
  // One thread makes the out-of-sample paths one after the other, two or more make them
  // side by side (the DCC fits then on the threads left): the same bytes. With --kalman
  // the backtest's Kalman path starts earlier than the contest's: three paths.
  for (const std::string options : {"--dcc", "--kalman --dcc"}) {
    const std::string command =
        options + " --rebalance 20 --compare --format json " + returns_args("eustock");
    const ProcessResult two = run_hedgecalc("--jobs 2 " + command);
    REQUIRE(two.exit_code == 0);
    for (const char* jobs : {"1", "3"}) {
      INFO(options << " --jobs " << jobs);
      const ProcessResult other = run_hedgecalc("--jobs " + std::string(jobs) + " " + command);
      REQUIRE(other.exit_code == 0);
      CHECK(other.out == two.out);
    }
  }
}

TEST_CASE("the DCC option: in batch adds flattened columns", "[dcc][batch]") {
  const ProcessResult r = run_hedgecalc("batch --dcc --format csv data/pairs.csv");
  const auto rows = parse_csv_table(r.out);
  REQUIRE(rows.size() == 4);
  for (const char* key : {"dcc_target_omega", "dcc_proxy_beta", "dcc_a", "dcc_b", "dcc_loglik", "dcc_ratio_max"}) {
    INFO(key);
    CHECK(rows[0].count(key) == 1);
    CHECK(!rows[0].at(key).empty());
  }
}

TEST_CASE("the DCC option: refuses too few returns, a basket and a follow", "[dcc]") {
  const ProcessResult short_sample =
      run_hedgecalc("--dcc --to 2023-04-10 data/token.csv data/btc.csv");
  CHECK(short_sample.exit_code == 1);
  CHECK(short_sample.out.empty());
  CHECK(short_sample.err.find("--dcc needs at least 100 returns") != std::string::npos);
  const ProcessResult basket = run_hedgecalc("--dcc data/token.csv data/btc.csv data/acme.csv");
  CHECK(basket.exit_code == 2);
  CHECK(basket.err.find("--dcc work with one proxy") != std::string::npos);
  const ProcessResult follow = run_hedgecalc("monitor --follow --dcc --history 100 data/token.csv data/btc.csv");
  CHECK(follow.exit_code == 2);
  CHECK(follow.err.find("--dcc belongs to the one-shot record") != std::string::npos);
  const ProcessResult constant = run_hedgecalc("--dcc --returns none tests/data/dcc/constant.csv:target tests/data/dcc/constant.csv:proxy");
  CHECK(constant.exit_code == 1);
  CHECK(constant.out.empty());
  CHECK(constant.err.find("do not vary") != std::string::npos);
}

TEST_CASE("the DCC option: the table's lines and the plot's line", "[dcc][plot]") {
  const ProcessResult table = run_hedgecalc("--dcc " + returns_args("eustock"));
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("DCC-GARCH       ratio ") != std::string::npos);
  CHECK(table.out.find("for the next period") != std::string::npos);
  CHECK(table.out.find("target GARCH: mu ") != std::string::npos);
  const std::string path = "/tmp/hedgecalc_dcc_" + std::to_string(::getpid()) + ".svg";
  const ProcessResult plot = run_hedgecalc("--dcc --plot " + path + " " + returns_args("eustock"));
  REQUIRE(plot.exit_code == 0);
  std::ifstream svg(path);
  const std::string text((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
  CHECK(text.find("DCC-GARCH") != std::string::npos);
  std::remove(path.c_str());
}
