// --cointegration: every field against statsmodels (coint, adfuller, coint_johansen, OLS)
// and R urca's ca.jo (tests/golden/cointegration.csv, made by
// tests/golden/make_cointegration_golden.py); the ADF lag search against plain
// regressions; invariance at a 1e9 level; thresholds, batch and bad input.

#include "hedgecalc/cointegration.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

#include "estimate/ols.hpp"
#include "estimate/unit_root.hpp"
#include "golden.hpp"
#include "process.hpp"
#include "source_tree.hpp"

using namespace hedgecalc;

namespace {

using Cases = std::map<std::string, std::map<std::string, std::string>>;

Cases golden_cases(std::map<std::string, std::string>& args) {
  Cases cases;
  for (const auto& row : parse_csv_table(source_file_text("tests/golden/cointegration.csv"))) {
    cases[row.at("case")][row.at("field")] = row.at("value");
    args[row.at("case")] = row.at("args");
  }
  return cases;
}

// hedgecalc's cell for a golden field: the Johansen pairs print as one "a;b" cell.
std::string cell_for(const std::map<std::string, std::string>& row, std::string field) {
  for (const char* pair : {"trace_critical_95", "max_eigen_critical_95", "trace", "max_eigen"}) {
    const std::string stem = pair;
    for (const char* suffix : {"_0", "_1", "_urca_0", "_urca_1"}) {
      if (field != stem + suffix) continue;
      const std::string cell = row.at("cointegration_" + stem);
      const size_t split = cell.find(';');
      return field.back() == '0' ? cell.substr(0, split) : cell.substr(split + 1);
    }
  }
  return row.at("cointegration_" + field);
}

}  // namespace

TEST_CASE("cointegration fields match statsmodels and urca to 1e-9", "[cointegration]") {
  std::map<std::string, std::string> args;
  const Cases cases = golden_cases(args);
  REQUIRE(cases.size() == 11);
  for (const auto& [name, fields] : cases) {
    const ProcessResult r = run_hedgecalc("--format csv " + args.at(name));
    INFO(name << ": " << args.at(name) << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    const auto row = parse_csv_row(r.out);
    for (const auto& [field, want] : fields) {
      const std::string got = cell_for(row, field);
      INFO(field << " golden " << want << ", hedgecalc " << got);
      if (field == "adf_lags" || field == "rank") {
        CHECK(got == want);
      } else {
        CHECK(close_enough(want, got, 1e-9));
      }
    }
  }
}

TEST_CASE("a cointegrated pair is found, independent walks mostly are not", "[cointegration]") {
  std::map<std::string, std::string> args;
  const Cases cases = golden_cases(args);
  const auto p_of = [&](const std::string& name) {
    return std::stod(parse_csv_row(run_hedgecalc("--format csv " + args.at(name)).out).at("cointegration_p_value"));
  };
  CHECK(p_of("cointegrated") < 0.01);
  int above = 0, walks = 0;
  for (const auto& [name, fields] : cases) {
    if (name.rfind("walks_", 0) != 0) continue;
    ++walks;
    above += p_of(name) > 0.1;
  }
  CHECK(walks == 6);
  CHECK(above >= 4);
}

// The lag search computes its cross products from shifts of one series; here every lag's
// regression is run on the data itself and AIC compared as statsmodels computes it.
TEST_CASE("the ADF lag search agrees with plain regressions at every lag", "[cointegration]") {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> x(600);
  double e = 0;
  for (size_t t = 1; t < x.size(); ++t) {
    e = 0.5 * e + noise(rng);  // AR(1) errors: a few lags should win
    x[t] = 0.97 * x[t - 1] + e;
  }
  const size_t max_lags = 12, n = x.size() - 1, rows = n - max_lags;
  std::vector<double> d(n);
  for (size_t t = 0; t < n; ++t) d[t] = x[t + 1] - x[t];
  const auto design = [&](size_t lags, size_t first) {
    Eigen::MatrixXd X(static_cast<Eigen::Index>(n - first), static_cast<Eigen::Index>(lags + 1));
    Eigen::VectorXd y(X.rows());
    for (size_t t = first; t < n; ++t) {
      const auto r = static_cast<Eigen::Index>(t - first);
      y(r) = d[t];
      X(r, 0) = x[t];
      for (size_t j = 1; j <= lags; ++j) X(r, static_cast<Eigen::Index>(j)) = d[t - j];
    }
    return std::make_pair(y, X);
  };
  size_t best_lag = 0;
  double best = INFINITY;
  for (size_t lags = 0; lags <= max_lags; ++lags) {
    const auto [y, X] = design(lags, max_lags);
    const OlsFit fit = fit_ols(y, X, false);
    const double r = static_cast<double>(rows);
    const double aic = r * (std::log(2 * M_PI) + std::log(fit.ssr / r) + 1) + 2.0 * static_cast<double>(lags + 1);
    if (aic < best) best = aic, best_lag = lags;
  }
  const auto [y, X] = design(best_lag, best_lag);
  const OlsFit fit = fit_ols(y, X, false);
  const AdfTest adf = adf_no_constant(x, changes(x), max_lags);
  CHECK(adf.lags == best_lag);
  CHECK(best_lag > 0);
  CHECK(adf.nobs == n - best_lag);
  CHECK(adf.statistic == Approx(fit.coefficients(0) / fit.std_errors(0)).epsilon(1e-11));
  CHECK(default_adf_max_lags(1000) == 22);  // ceil(12 * 10^(3/4)) = ceil(21.3)
  CHECK(default_adf_max_lags(20) == 9);     // ceil(12 * 0.2^(1/4)) = 9 = 20/2 - 1
  CHECK(default_adf_max_lags(10) == 4);     // the cap, 10/2 - 1
}

// Prices near 1e9 with tiny moves (--returns diff): shifting every level by a constant
// changes the intercept and nothing else; raw sums of squares would lose every digit.
TEST_CASE("cointegration is unchanged by a 1e9 level", "[cointegration][numerics]") {
  std::mt19937_64 rng(9);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> a(800), b(800), a_big(800), b_big(800);
  double walk = 0, spread = 0;
  for (size_t t = 0; t < a.size(); ++t) {
    walk += 1e-3 * noise(rng);
    spread = 0.8 * spread + 1e-4 * noise(rng);
    // On a grid of 2^-20, so that 1e9 + a and 2e9 + b are exact: the same data, shifted.
    b[t] = std::round(walk * 0x1p20) / 0x1p20;
    a[t] = std::round((0.5 * walk + spread) * 0x1p20) / 0x1p20;
    b_big[t] = 2e9 + b[t];
    a_big[t] = 1e9 + a[t];
  }
  const CointegrationOptions options;
  const Cointegration small = test_cointegration(a, b, options), big = test_cointegration(a_big, b_big, options);
  CHECK(big.adf_lags == small.adf_lags);
  CHECK(big.level_ratio == Approx(small.level_ratio).epsilon(1e-9));
  CHECK(big.adf_statistic == Approx(small.adf_statistic).epsilon(1e-9));
  CHECK(big.trace[0] == Approx(small.trace[0]).epsilon(1e-9));
  CHECK(big.half_life == Approx(small.half_life).epsilon(1e-9));
  CHECK(big.ecm_hedge_ratio == Approx(small.ecm_hedge_ratio).epsilon(1e-9));
  CHECK(big.spread_z == Approx(small.spread_z).epsilon(1e-9));
  CHECK(small.p_value < 0.01);
}

TEST_CASE("an Engle-Granger p-value above --max-coint-p raises an alarm", "[cointegration][cli]") {
  const ProcessResult alarm = run_hedgecalc("--cointegration --max-coint-p 0.05 data/token.csv data/btc.csv");
  CHECK(alarm.exit_code == 3);
  CHECK(alarm.err.find("Engle-Granger test gives p = 0.6964, above --max-coint-p 0.05") != std::string::npos);
  CHECK(alarm.out.find("no evidence of cointegration at 5%") != std::string::npos);
  const std::string pair = "tests/data/cointegration/cointegrated.csv";
  const ProcessResult quiet =
      run_hedgecalc("--cointegration --max-coint-p 0.01 " + pair + ":target " + pair + ":proxy");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.find("the levels are cointegrated at 5%") != std::string::npos);
}

TEST_CASE("batch flattens the cointegration section into the same numbers", "[cointegration][batch]") {
  const ProcessResult batch = run_hedgecalc("batch --quiet --format csv --cointegration data/watchlist.csv");
  INFO(batch.err);
  REQUIRE(batch.exit_code == 0);
  const auto rows = parse_csv_table(batch.out);
  REQUIRE(!rows.empty());
  CHECK(rows[0].count("cointegration_trace") == 1);
  CHECK(rows[0].count("cointegration_ecm_gamma") == 1);
  const ProcessResult single = run_hedgecalc("--format csv --cointegration data/token.csv data/btc.csv");
  const auto one = parse_csv_row(single.out);
  bool found = false;
  for (const auto& row : rows) {
    if (row.at("cointegration_level_ratio") != one.at("cointegration_level_ratio")) continue;
    found = true;
    CHECK(row.at("cointegration_trace") == one.at("cointegration_trace"));
    CHECK(row.at("cointegration_p_value") == one.at("cointegration_p_value"));
  }
  CHECK(found);
}

TEST_CASE("cointegration's bad input: usage errors and too few prices", "[cointegration][cli]") {
  for (const char* args : {
           "--cointegration data/token.csv data/btc.csv data/index.csv",
           "--cointegration --returns none tests/data/returns.csv:fund tests/data/returns.csv:benchmark",
           "--adf-max-lags 3 data/token.csv data/btc.csv",
           "--max-coint-p 0.05 data/token.csv data/btc.csv",
           "--cointegration --johansen-lags -1 data/token.csv data/btc.csv",
           "monitor --follow --history 100 --cointegration data/token.csv data/btc.csv",
       }) {
    const ProcessResult r = run_hedgecalc(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  const ProcessResult few = run_hedgecalc("--cointegration --format json tests/data/five_rows.csv tests/data/five_rows.csv");
  INFO(few.err);
  CHECK(few.exit_code == 1);
  CHECK(few.out.empty());
  CHECK(few.err.find("--cointegration needs at least 20 aligned prices") != std::string::npos);
}
