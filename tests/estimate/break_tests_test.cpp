// The p-value functions of --stability against values known independently.

#include "estimate/break_tests.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hedgecalc;
using Catch::Detail::Approx;

TEST_CASE("CUSUM p-values are Kolmogorov's distribution", "[stability]") {
  // The 5% and 1% critical values of sup|Brownian bridge| (Kolmogorov-Smirnov tables).
  CHECK(cusum_p_value(1.3581) == Approx(0.05).epsilon(1e-4));
  CHECK(cusum_p_value(1.6276) == Approx(0.01).epsilon(1e-3));
  CHECK(cusum_p_value(0.05) == 1.0);
  CHECK(std::isnan(cusum_p_value(NAN)));
}

TEST_CASE("the F upper tail and Fisher's z", "[stability]") {
  // F(1, 10) 95% point 4.9646 (statistical tables); F(1, d) = t(d)^2.
  CHECK(f_upper_tail(4.9646, 1, 10) == Approx(0.05).epsilon(1e-4));
  CHECK(f_upper_tail(0, 2, 10) == 1.0);
  // z = (atanh 0.8 - atanh 0.5) / sqrt(1/97 + 1/97) = 3.8255, two-sided p by erfc.
  const double z = (std::atanh(0.8) - std::atanh(0.5)) / std::sqrt(2.0 / 97);
  CHECK(fisher_z_p_value(0.8, 100, 0.5, 100) == Approx(std::erfc(z / std::sqrt(2.0))));
  CHECK(fisher_z_p_value(0.8, 100, 0.5, 100) == Approx(1.305e-4).epsilon(0.001));
  CHECK(std::isnan(fisher_z_p_value(1.0, 100, 0.5, 100)));
  CHECK(std::isnan(fisher_z_p_value(0.3, 3, 0.5, 100)));
}

TEST_CASE("sup-F p-values: the endpoints of the response surface", "[stability]") {
  // tau = 0.5 (no search at all): the chi-square(k) tail; chi2(2) > 5.991 is 5%.
  CHECK(supf_p_value(5.991464547, 2, 1.0) == Approx(0.05).epsilon(1e-8));
  // More search (smaller tau) makes the same F less surprising.
  CHECK(supf_p_value(10, 2, 10.0) > supf_p_value(10, 2, 2.0));
  // Andrews' (1993) 5% critical value for k = 2 at pi0 = 0.15 is near 11.8: the
  // response surface puts it within a few tenths of a percent point of 5%.
  const double lambda_15 = (0.85 * 0.85) / (0.15 * 0.15);
  const double p = supf_p_value(11.79, 2, lambda_15);
  CHECK(p > 0.04);
  CHECK(p < 0.06);
  CHECK(supf_p_value(0, 2, lambda_15) == 1.0);
}
