// --dcc's two steps against tests/golden/dcc.csv (made by tests/golden/make_dcc_golden.py
// from R fGarch, scipy and plain loops): the variances, correlations and ratios at
// given parameters to 1e-10, and maxima at least as high as fGarch's and scipy's.

#include "hedgecalc/dcc.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <string>

#include "golden.hpp"
#include "source_tree.hpp"

using namespace hedgecalc;

namespace {

struct Case {
  std::vector<double> target, proxy;
  std::map<std::string, double> scalars;
  std::map<std::string, std::map<size_t, double>> by_date;  // field -> date index -> value
};

std::map<std::string, Case> golden_cases() {
  std::map<std::string, Case> cases;
  for (const auto& row : parse_csv_table(source_file_text("tests/golden/dcc.csv"))) {
    Case& c = cases[row.at("case")];
    const double value = std::stod(row.at("value"));
    if (row.at("date").empty()) {
      c.scalars[row.at("field")] = value;
    } else {
      c.by_date[row.at("field")][std::stoul(row.at("date"))] = value;
    }
  }
  for (auto& [name, c] : cases) {
    for (const auto& row : parse_csv_table(source_file_text("tests/data/dcc/" + name + ".csv"))) {
      c.target.push_back(std::stod(row.at("target")));
      c.proxy.push_back(std::stod(row.at("proxy")));
    }
  }
  return cases;
}

GarchParameters golden_garch(const Case& c, const std::string& source, const std::string& series) {
  const std::string stem = source + "_" + series + "_";
  return GarchParameters{c.scalars.at(stem + "mu"), c.scalars.at(stem + "omega"),
                         c.scalars.at(stem + "alpha"), c.scalars.at(stem + "beta")};
}

bool relatively_close(double want, double got, double tolerance) {
  return std::fabs(got - want) <= tolerance * std::max(1.0, std::fabs(want));
}

}  // namespace

TEST_CASE("GARCH variances and log-likelihood at given parameters equal the plain loop",
          "[golden][dcc]") {
  for (const auto& [name, c] : golden_cases()) {
    for (const std::string series : {"target", "proxy"}) {
      INFO(name << " " << series);
      const std::vector<double>& r = series == "target" ? c.target : c.proxy;
      const std::vector<double> s2 = garch_variances(r, golden_garch(c, "scipy", series));
      REQUIRE(s2.size() == r.size() + 1);
      const auto& want = c.by_date.at("variance_" + series);
      REQUIRE(want.size() > 100);
      for (const auto& [t, v] : want) {
        INFO("date " << t);
        CHECK(std::fabs(s2[t] - v) <= 1e-10 * v);
      }
      for (const std::string source : {"fgarch", "scipy"}) {
        const double loglik = garch_loglik(r, golden_garch(c, source, series));
        CHECK(relatively_close(c.scalars.at(source + "_" + series + "_loglik"), loglik, 1e-12));
      }
    }
  }
}

TEST_CASE("the GARCH fit reaches fGarch's and scipy's maxima", "[golden][dcc]") {
  for (const auto& [name, c] : golden_cases()) {
    for (const std::string series : {"target", "proxy"}) {
      INFO(name << " " << series);
      const GarchFit fit = fit_garch(series == "target" ? c.target : c.proxy);
      const double best = std::max(c.scalars.at("fgarch_" + series + "_loglik"),
                                   c.scalars.at("scipy_" + series + "_loglik"));
      // The issue asks for 1e-6; we hold 1e-8, which caught a box that cut off the sample
      // pair's maximum (omega near 0 with beta near 1) by 7e-7.
      CHECK(fit.loglik >= best - 1e-8);
      CHECK(fit.converged);
      const GarchParameters& p = fit.parameters;
      CHECK((p.omega > 0 && p.alpha >= 0 && p.beta >= 0 && p.alpha + p.beta < 1));
    }
  }
}

TEST_CASE("DCC correlations, ratios and second step at given parameters equal the plain loop",
          "[golden][dcc]") {
  for (const auto& [name, c] : golden_cases()) {
    INFO(name);
    const GarchParameters pt = golden_garch(c, "scipy", "target"), pp = golden_garch(c, "scipy", "proxy");
    const std::vector<double> zt = standardized_residuals(c.target, pt);
    const std::vector<double> zp = standardized_residuals(c.proxy, pp);
    const DccParameters given{c.scalars.at("given_a"), c.scalars.at("given_b")};
    const DccPath path = dcc_path(c.target, c.proxy, pt, pp, given);
    REQUIRE(path.correlation.size() == c.target.size() + 1);
    for (const auto& [t, rho] : c.by_date.at("rho")) {
      INFO("date " << t);
      CHECK(std::fabs(path.correlation[t] - rho) <= 1e-10);
      CHECK(relatively_close(c.by_date.at("ratio").at(t), path.hedge_ratio[t], 1e-10));
    }
    CHECK(relatively_close(c.scalars.at("given_loglik"), dcc_loglik(zt, zp, given), 1e-10));
    const DccCorrelationFit fit = fit_dcc_correlation(zt, zp);
    CHECK(fit.loglik >= c.scalars.at("scipy_dcc_loglik") - 1e-6);
    CHECK(fit.converged);
  }
}

TEST_CASE("a fit on a simulated DCC pair finds parameters near the true ones", "[dcc]") {
  const Case c = golden_cases().at("simulated");
  const DccFit fit = fit_dcc(c.target, c.proxy);
  // True: target (1e-5, 0.08, 0.9), proxy (2e-6, 0.05, 0.93), a = 0.05, b = 0.9.
  CHECK(fit.target.parameters.alpha == Approx(0.08).margin(0.04));
  CHECK(fit.proxy.parameters.beta == Approx(0.93).margin(0.04));
  CHECK(fit.correlation_fit.parameters.a == Approx(0.05).margin(0.03));
  CHECK(fit.correlation_fit.parameters.b == Approx(0.9).margin(0.06));
  CHECK(fit.loglik == Approx(fit.target.loglik + fit.proxy.loglik + fit.correlation_fit.loglik));
  CHECK(fit.converged());
}

TEST_CASE("the GARCH fit does not depend on the returns' scale", "[dcc]") {
  const Case c = golden_cases().at("eustock");
  std::vector<double> scaled = c.target;
  for (double& x : scaled) x *= 1e4;
  const GarchFit a = fit_garch(c.target), b = fit_garch(scaled);
  CHECK(b.parameters.alpha == Approx(a.parameters.alpha).epsilon(1e-5));
  CHECK(b.parameters.beta == Approx(a.parameters.beta).epsilon(1e-5));
  CHECK(b.parameters.omega == Approx(a.parameters.omega * 1e8).epsilon(1e-4));
  CHECK(b.loglik == Approx(a.loglik - c.target.size() * std::log(1e4)).epsilon(1e-12));
}

TEST_CASE("returns that do not vary fit no GARCH model", "[dcc]") {
  CHECK_THROWS_WITH(fit_garch(std::vector<double>(200, 0.01)), Catch::Contains("do not vary"));
}

TEST_CASE("on many returns the warm-started fits beat the true parameters", "[dcc]") {
  // 150,000 returns of a DCC-GARCH pair (more than twice the 65,536 of the warm start).
  const GarchParameters true_target{2e-4, 2e-6, 0.06, 0.92}, true_proxy{-1e-4, 1e-6, 0.04, 0.95};
  const DccParameters true_dynamics{0.03, 0.95};
  const double qbar = 0.5;
  std::mt19937_64 random(11);
  std::normal_distribution<double> normal;
  std::vector<double> target, proxy;
  double s2t = 1e-4, s2p = 1e-4, q11 = 1, q22 = 1, q12 = qbar;
  for (size_t t = 0; t < 150000; ++t) {
    const double rho = q12 / std::sqrt(q11 * q22), u = normal(random), v = normal(random);
    const double zt = u, zp = rho * u + std::sqrt(1 - rho * rho) * v;
    const double et = std::sqrt(s2t) * zt, ep = std::sqrt(s2p) * zp;
    target.push_back(true_target.mu + et);
    proxy.push_back(true_proxy.mu + ep);
    s2t = true_target.omega + true_target.alpha * et * et + true_target.beta * s2t;
    s2p = true_proxy.omega + true_proxy.alpha * ep * ep + true_proxy.beta * s2p;
    const double c = 1 - true_dynamics.a - true_dynamics.b;
    q11 = c + true_dynamics.a * zt * zt + true_dynamics.b * q11;
    q22 = c + true_dynamics.a * zp * zp + true_dynamics.b * q22;
    q12 = c * qbar + true_dynamics.a * zt * zp + true_dynamics.b * q12;
  }
  const DccFit fit = fit_dcc(target, proxy, Executor(2));
  CHECK(fit.converged());
  CHECK(fit.target.loglik >= garch_loglik(target, true_target));
  CHECK(fit.proxy.loglik >= garch_loglik(proxy, true_proxy));
  const std::vector<double> zt = standardized_residuals(target, fit.target.parameters);
  const std::vector<double> zp = standardized_residuals(proxy, fit.proxy.parameters);
  CHECK(fit.correlation_fit.loglik >= dcc_loglik(zt, zp, true_dynamics));
  CHECK(fit.target.parameters.alpha == Approx(0.06).margin(0.01));
  CHECK(fit.target.parameters.beta == Approx(0.92).margin(0.01));
  CHECK(fit.proxy.parameters.beta == Approx(0.95).margin(0.01));
  CHECK(fit.correlation_fit.parameters.a == Approx(0.03).margin(0.005));
  CHECK(fit.correlation_fit.parameters.b == Approx(0.95).margin(0.01));
  // The same fit on one thread.
  const DccFit alone = fit_dcc(target, proxy, Executor(1));
  CHECK(alone.loglik == fit.loglik);
}
