// Other betas: Huber, LAD, up/down-market and Dimson against statsmodels and scipy
// (tests/golden/estimators.csv), the LAD descent against a brute-force search, and the
// bad inputs.

#include "hedgecalc/estimators.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <random>

#include "golden.hpp"
#include "hedgecalc/error.hpp"
#include "process.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {
// min over a of sum |y - a - b x|: the intercept is a median of y - b x.
double objective_at(const std::vector<double>& x, const std::vector<double>& y, double b) {
  std::vector<double> r(x.size());
  for (size_t i = 0; i < x.size(); ++i) r[i] = y[i] - b * x[i];
  std::vector<double> sorted = r;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(r.size() / 2), sorted.end());
  const double a = sorted[r.size() / 2];
  double sum = 0;
  for (double v : r) sum += std::fabs(v - a);
  return sum;
}
}  // namespace

TEST_CASE("other betas match statsmodels and scipy", "[estimators]") {
  const auto golden = parse_csv_table(source_file_text("tests/golden/estimators.csv"));
  std::map<std::string, std::map<std::string, std::string>> cases;
  std::map<std::string, std::string> args;
  for (const auto& row : golden) {
    cases[row.at("case")][row.at("field")] = row.at("value");
    args[row.at("case")] = row.at("args");
  }
  REQUIRE(cases.size() == 4);
  for (const auto& [name, fields] : cases) {
    const ProcessResult r = run_hedgecalc("--format csv " + args[name]);
    INFO(name << ": " << args[name] << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    const auto row = parse_csv_row(r.out);
    for (const auto& [field, want] : fields) {
      const std::string got = row.at("estimators_" + field);
      INFO(field << " golden " << want << ", hedgecalc " << got);
      // The LAD slope need not be unique: its objective is what is compared.
      CHECK(close_enough(want, got, field == "huber" ? 1e-6 : 1e-9));
    }
  }
  // The heavy-tailed pair: three wild returns pull OLS to 1.00, the robust fits stay
  // near the true 0.9.
  CHECK(std::stod(cases.at("outliers").at("huber")) < 0.95);
}

TEST_CASE("the printed LAD slope attains the least sum of absolute residuals", "[estimators]") {
  const ProcessResult series = run_hedgecalc("--series --format csv data/token.csv data/btc.csv");
  const ProcessResult summary = run_hedgecalc("--estimators --format csv data/token.csv data/btc.csv");
  REQUIRE(series.exit_code == 0);
  REQUIRE(summary.exit_code == 0);
  std::vector<double> x, y;
  for (const auto& row : parse_csv_table(series.out)) {
    y.push_back(std::stod(row.at("target_return")));
    x.push_back(std::stod(row.at("proxy_return")));
  }
  const auto row = parse_csv_row(summary.out);
  const double slope = std::stod(row.at("estimators_lad"));
  const double golden = 22.08335839550248;  // scipy linprog, tests/golden/estimators.csv
  CHECK(objective_at(x, y, slope) == Approx(golden).epsilon(1e-12));
}

TEST_CASE("the LAD descent finds the optimum a brute-force search finds", "[estimators]") {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  std::student_t_distribution<double> heavy(2);
  for (int trial = 0; trial < 30; ++trial) {
    const size_t n = 5 + static_cast<size_t>(trial);
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) x[i] = normal(rng), y[i] = 0.7 * x[i] + heavy(rng);
    // Every third set on a coarse grid of x: points on the pivot's vertical, and ties.
    if (trial % 3 == 2) {
      for (double& v : x) v = std::round(2 * v);
      if (*std::min_element(x.begin(), x.end()) == *std::max_element(x.begin(), x.end())) x[0] += 1;
    }
    // An optimal line passes through two data points: try every pair.
    double best = INFINITY;
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (x[i] == x[j]) continue;
        const double b = (y[j] - y[i]) / (x[j] - x[i]);
        const double a = y[i] - b * x[i];
        double sum = 0;
        for (size_t k = 0; k < n; ++k) sum += std::fabs(y[k] - a - b * x[k]);
        best = std::min(best, sum);
      }
    }
    double objective = 0;
    const double slope = lad_slope(x, y, objective);
    INFO("trial " << trial);
    CHECK(objective == Approx(best).epsilon(1e-12));
    CHECK(objective_at(x, y, slope) == Approx(best).epsilon(1e-12));
  }
  // Points on a line and one far off: the line.
  double objective = 0;
  CHECK(lad_slope({1, 2, 3, 4, 5}, {2, 4, 6, 8, 100}, objective) == Approx(2.0));
  CHECK(objective == Approx(90.0));
  CHECK_THROWS_AS(lad_slope({1, 1, 1}, {1, 2, 3}, objective), DataError);
}

TEST_CASE("on many rows the LAD line meets the optimality conditions", "[estimators]") {
  // Linear programming duality: a line through data points p and q is a least-absolute-
  // deviations optimum exactly when signs u_i = sign(r_i) of the other residuals, and
  // some u_p, u_q in [-1, 1], sum to zero and to zero weighted by x. Large samples take
  // the sampled start and the bracketed medians, which the brute force above cannot.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> normal;
  std::student_t_distribution<double> heavy(2);
  for (const size_t n : {size_t{40000}, size_t{250001}}) {
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) x[i] = 1e-3 * normal(rng), y[i] = -0.4 * x[i] + 1e-3 * heavy(rng);
    y[7] = 1e6;  // a wild outlier the median line ignores
    double objective = 0;
    const double b = lad_slope(x, y, objective);
    std::vector<double> r(n);
    for (size_t i = 0; i < n; ++i) r[i] = y[i] - b * x[i];
    std::vector<double> sorted = r;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(n / 2), sorted.end());
    for (double& v : r) v -= sorted[n / 2];
    // The line's two data points: the smallest residuals.
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::partial_sort(order.begin(), order.begin() + 2, order.end(),
                      [&](size_t i, size_t j) { return std::fabs(r[i]) < std::fabs(r[j]); });
    const size_t p = order[0], q = order[1];
    INFO("n " << n << " slope " << b << " |r_p| " << r[p] << " |r_q| " << r[q]);
    REQUIRE(std::fabs(r[q]) < 1e-15);
    double s0 = 0, s1 = 0, total = 0;
    for (size_t i = 0; i < n; ++i) {
      total += std::fabs(r[i]);
      if (i == p || i == q) continue;
      const double sign = r[i] > 0 ? 1.0 : -1.0;
      s0 += sign, s1 += sign * x[i];
    }
    // u_p + u_q = -s0 and u_p x_p + u_q x_q = -s1.
    const double u_q = (-s1 + s0 * x[p]) / (x[q] - x[p]);
    const double u_p = -s0 - u_q;
    CHECK(std::fabs(u_p) <= 1 + 1e-9);
    CHECK(std::fabs(u_q) <= 1 + 1e-9);
    CHECK(objective == Approx(total).epsilon(1e-12));
  }
}

TEST_CASE("the Dimson beta over many blocks of rows equals the normal equations", "[estimators]") {
  // 20,000 rows span several of the QR's blocks; the reference solves the centred normal
  // equations of the same regression directly (well conditioned: independent lags).
  std::mt19937_64 rng(3);
  std::normal_distribution<double> normal;
  const size_t n = 20000, k = 2, columns = 2 * k + 1, rows = n - 2 * k;
  std::vector<double> x(n), y(n);
  for (size_t i = 0; i < n; ++i) x[i] = 0.01 * normal(rng);
  for (size_t t = 0; t < n; ++t) {
    y[t] = 0.002 + 0.01 * normal(rng) + 0.6 * x[t] + (t >= 1 ? 0.3 * x[t - 1] : 0.0);
  }
  std::vector<double> mean(columns + 1, 0.0);
  for (size_t t = k; t + k < n; ++t) {
    for (size_t j = 0; j < columns; ++j) mean[j] += x[t + j - k] / static_cast<double>(rows);
    mean[columns] += y[t] / static_cast<double>(rows);
  }
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(columns, columns);
  Eigen::VectorXd cross = Eigen::VectorXd::Zero(columns);
  for (size_t t = k; t + k < n; ++t) {
    Eigen::VectorXd row(columns);
    for (size_t j = 0; j < columns; ++j) row(static_cast<long>(j)) = x[t + j - k] - mean[j];
    gram += row * row.transpose();
    cross += row * (y[t] - mean[columns]);
  }
  const double expected = gram.ldlt().solve(cross).sum();
  const OtherBetas b = other_betas(x, y, k);
  CHECK(b.dimson == Approx(expected).epsilon(1e-10));
  CHECK(b.dimson == Approx(0.9).margin(0.05));
}

TEST_CASE("Huber stays with the bulk when a few returns are wild", "[estimators]") {
  std::vector<double> x, y;
  for (int i = 0; i < 200; ++i) {
    const double v = std::sin(i * 0.7) * 0.01;
    x.push_back(v);
    y.push_back(0.8 * v + std::cos(i * 1.3) * 0.0005);
  }
  y[10] += 0.5, y[100] -= 0.4;
  CHECK(huber_slope(x, y) == Approx(0.8).margin(0.02));
}

TEST_CASE("estimators reject too many Dimson lags, a constant proxy and baskets", "[estimators][cli]") {
  const ProcessResult lags = run_hedgecalc(
      "--estimators --dimson-lags 40 --returns diff data/jetfuel.csv data/heatingoil.csv");
  CHECK(lags.exit_code == 1);
  CHECK(lags.out.empty());
  CHECK_THAT(lags.err, Contains("--dimson-lags 40"));
  for (const std::string args : {"--dimson-lags 2 data/token.csv data/btc.csv",
                                 "--estimators data/acme.csv data/index.csv data/btc.csv",
                                 "--estimators --dimson-lags -1 data/token.csv data/btc.csv"}) {
    const ProcessResult r = run_hedgecalc(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
}
