#include "hedgecalc/hedge_analysis.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "hedgecalc/error.hpp"
#include "estimate/ols.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {

ReturnSeries make_returns(std::vector<double> target, std::vector<double> proxy) {
  ReturnSeries r;
  for (size_t i = 0; i < target.size(); ++i) r.time.push_back(static_cast<Timestamp>(i + 1) * kNanosPerDay);
  r.values = {std::move(target), std::move(proxy)};
  return r;
}

const std::vector<std::string> kLabels = {"t.csv:Close", "p.csv:Close"};

// Plain two-pass reference for every field, in long double.
struct Reference {
  long double h, a, se, corr, r2, eff, vol_t, vol_p, vol_h;
};

Reference reference(const std::vector<double>& t, const std::vector<double>& p) {
  const size_t n = t.size();
  long double mt = 0, mp = 0;
  for (size_t i = 0; i < n; ++i) mt += t[i], mp += p[i];
  mt /= n, mp /= n;
  long double stt = 0, spp = 0, stp = 0;
  for (size_t i = 0; i < n; ++i) {
    stt += (t[i] - mt) * (t[i] - mt);
    spp += (p[i] - mp) * (p[i] - mp);
    stp += (t[i] - mt) * (p[i] - mp);
  }
  Reference r;
  r.h = stp / spp;
  r.a = mt - r.h * mp;
  long double ssr = 0, mh = 0;
  for (size_t i = 0; i < n; ++i) mh += t[i] - r.h * p[i];
  mh /= n;
  long double shh = 0;
  for (size_t i = 0; i < n; ++i) {
    const long double e = t[i] - r.a - r.h * p[i];
    ssr += e * e;
    const long double d = t[i] - r.h * p[i] - mh;
    shh += d * d;
  }
  r.se = std::sqrt(ssr / (n - 2) / spp);
  r.corr = stp / std::sqrt(stt * spp);
  r.r2 = 1 - ssr / stt;
  r.eff = 1 - shh / stt;
  r.vol_t = std::sqrt(stt / (n - 1));
  r.vol_p = std::sqrt(spp / (n - 1));
  r.vol_h = std::sqrt(shh / (n - 1));
  return r;
}

void check_against_reference(const HedgeAnalysis& a, const Reference& r, double tolerance) {
  const ProxyEstimate& e = a.proxies.at(0);
  CHECK(e.hedge_ratio == Approx(static_cast<double>(r.h)).epsilon(tolerance));
  CHECK(e.std_error == Approx(static_cast<double>(r.se)).epsilon(tolerance));
  CHECK(e.t_stat == Approx(static_cast<double>(r.h / r.se)).epsilon(tolerance));
  CHECK(a.correlation == Approx(static_cast<double>(r.corr)).epsilon(tolerance));
  CHECK(a.r_squared == Approx(static_cast<double>(r.r2)).epsilon(tolerance));
  CHECK(a.effectiveness == Approx(static_cast<double>(r.eff)).epsilon(tolerance));
  CHECK(a.vol_target == Approx(static_cast<double>(r.vol_t)).epsilon(tolerance));
  CHECK(a.vol_proxy == Approx(static_cast<double>(r.vol_p)).epsilon(tolerance));
  CHECK(a.vol_hedged == Approx(static_cast<double>(r.vol_h)).epsilon(tolerance));
}

}  // namespace

TEST_CASE("every field matches a two-pass reference on random returns", "[hedge]") {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  std::vector<double> t, p;
  for (int i = 0; i < 2000; ++i) {
    p.push_back(0.03 * normal(rng));
    t.push_back(0.0004 + 1.3 * p.back() + 0.02 * normal(rng));
  }
  const HedgeAnalysis a = analyse_hedge(make_returns(t, p), kLabels, {});
  check_against_reference(a, reference(t, p), 1e-12);
  CHECK(a.n == 2000);
  const double q = t_critical_value(0.95, 1998);
  CHECK(a.proxies[0].ci_low == Approx(a.proxies[0].hedge_ratio - q * a.proxies[0].std_error));
}

TEST_CASE("tiny returns from prices near 1e9 keep full precision", "[hedge]") {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> normal;
  double pt = 1e9, pp = 2e9;
  std::vector<double> t, p;
  for (int i = 0; i < 500; ++i) {
    const double move = 1e-8 * normal(rng);
    const double next_pp = pp * (1 + move);
    const double next_pt = pt * (1 + 0.8 * move + 3e-9 * normal(rng));
    p.push_back(next_pp / pp - 1);
    t.push_back(next_pt / pt - 1);
    pp = next_pp, pt = next_pt;
  }
  check_against_reference(analyse_hedge(make_returns(t, p), kLabels, {}), reference(t, p), 1e-10);
}

TEST_CASE("a constant target gives undefined correlation and effectiveness", "[hedge]") {
  const HedgeAnalysis a =
      analyse_hedge(make_returns({0, 0, 0, 0}, {0.01, -0.02, 0.03, 0.0}), kLabels, {});
  CHECK(a.proxies[0].hedge_ratio == 0);
  CHECK(std::isnan(a.correlation));
  CHECK(std::isnan(a.effectiveness));
  CHECK(std::isnan(a.r_squared));
  CHECK(std::isnan(a.proxies[0].t_stat));
}

TEST_CASE("too few returns and a constant proxy are errors that say which", "[hedge]") {
  CHECK_THROWS_WITH(analyse_hedge(make_returns({0.1, 0.2}, {0.3, 0.1}), kLabels, {}),
                    Contains("only 2 aligned returns") && Contains("t.csv:Close and p.csv:Close"));
  CHECK_THROWS_WITH(analyse_hedge(make_returns({0.1, 0.2, 0.1}, {0.5, 0.5, 0.5}), kLabels, {}),
                    Contains("proxy p.csv:Close has zero variance"));
}

TEST_CASE("t critical values match closed forms", "[hedge]") {
  // df = 1 is Cauchy: tan(pi (p - 1/2)); df = 2: (2p - 1) / sqrt(2 p (1 - p)).
  const double pi = std::acos(-1.0);
  CHECK(t_critical_value(0.95, 1) == Approx(std::tan(pi * 0.475)).epsilon(1e-14));
  CHECK(t_critical_value(0.95, 2) == Approx(0.95 / std::sqrt(2 * 0.975 * 0.025)).epsilon(1e-14));
  CHECK(t_critical_value(0.90, 2) == Approx(0.90 / std::sqrt(2 * 0.95 * 0.05)).epsilon(1e-14));
  // Large df tends to the normal quantile 1.959963984540054.
  CHECK(t_critical_value(0.95, 1e12) == Approx(1.959963984540054).epsilon(1e-9));
}

TEST_CASE("collinear baskets: a warning when near, an error naming the proxy when exact",
          "[hedge]") {
  std::mt19937_64 rng(21);
  std::normal_distribution<double> normal;
  std::vector<double> t, a, b, c;
  for (int i = 0; i < 300; ++i) {
    a.push_back(0.01 * normal(rng));
    b.push_back(a.back() + 0.0002 * normal(rng));  // b is almost a
    c.push_back(0.01 * normal(rng));
    t.push_back(0.5 * a.back() + 0.3 * c.back() + 0.005 * normal(rng));
  }
  ReturnSeries r;
  for (int i = 0; i < 300; ++i) r.time.push_back((i + 1) * kNanosPerDay);
  r.values = {t, a, b, c};
  const std::vector<std::string> labels = {"t", "a.csv:Close", "b.csv:Close", "c.csv:Close"};
  const HedgeAnalysis near = analyse_hedge(r, labels, {});
  REQUIRE(near.warnings.size() == 1);
  CHECK_THAT(near.warnings[0], Contains("a.csv:Close and b.csv:Close") &&
                                   Contains("nearly collinear"));
  CHECK(near.condition_number > 30);

  std::vector<double> sum(300);
  for (int i = 0; i < 300; ++i) sum[i] = 2 * a[i] - c[i];  // exactly dependent
  r.values = {t, a, sum, c};
  CHECK_THROWS_WITH(analyse_hedge(r, labels, {}),
                    Contains("the basket is singular") && Contains("exact linear combination"));
}

TEST_CASE("the standardized condition number ignores units", "[hedge]") {
  Eigen::MatrixXd X(4, 2);
  X << 1, 0, -1, 0, 0, 1, 0, -1;  // orthogonal columns
  CHECK(standardized_condition_number(X, true) == Approx(1.0).epsilon(1e-14));
  X.col(1) *= 1e6;
  CHECK(standardized_condition_number(X, true) == Approx(1.0).epsilon(1e-14));
}

TEST_CASE("Newey-West with zero lags is White's heteroskedasticity-robust error", "[hedge]") {
  // Reference: se(h)^2 = sum (x_t - mean x)^2 e_t^2 / Sxx^2, written out by hand.
  std::mt19937_64 rng(8);
  std::normal_distribution<double> normal;
  std::vector<double> t, p;
  for (int i = 0; i < 400; ++i) {
    p.push_back(0.01 * normal(rng));
    t.push_back(0.8 * p.back() + std::fabs(p.back()) * normal(rng));  // heteroskedastic
  }
  HedgeOptions options;
  options.hac = true;
  options.hac_lags = 0;
  const HedgeAnalysis a = analyse_hedge(make_returns(t, p), kLabels, options);
  long double mp = 0, mt = 0;
  for (int i = 0; i < 400; ++i) mp += p[i], mt += t[i];
  mp /= 400, mt /= 400;
  long double sxx = 0, sxy = 0;
  for (int i = 0; i < 400; ++i) sxx += (p[i] - mp) * (p[i] - mp), sxy += (p[i] - mp) * (t[i] - mt);
  const long double h = sxy / sxx, alpha = mt - h * mp;
  long double meat = 0;
  for (int i = 0; i < 400; ++i) {
    const long double e = t[i] - alpha - h * p[i];
    meat += (p[i] - mp) * (p[i] - mp) * e * e;
  }
  CHECK(a.proxies[0].std_error == Approx(static_cast<double>(std::sqrt(meat) / sxx)).epsilon(1e-12));
  CHECK(a.hac_lags == 0);
  CHECK(default_hac_lags(727) == 6);  // floor(4 * 7.27^(2/9)) = floor(6.22)
  CHECK(default_hac_lags(100) == 4);
}
