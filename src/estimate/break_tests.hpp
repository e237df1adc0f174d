#pragma once
// p-values of the structural-change tests behind --stability, each as R's
// strucchange (or the textbook) computes it.

#include <cstddef>

namespace hedgecalc {

/// Andrews' sup-F asymptotic p-value by Hansen's (1997) response surface, as
/// strucchange's sctest(Fstats(...), type = "supF"): k regressors (1..40; more use
/// 40), lambda = ((n - from) to) / (from (n - to)) from the trimmed search range.
double supf_p_value(double supf, size_t k, double lambda);

/// P(sup |Brownian bridge| > x): the OLS-CUSUM test's p-value (strucchange's
/// series with 100 terms; 1 below 0.1).
double cusum_p_value(double x);

/// Upper tail P(F(d1, d2) > f) of the F distribution (the Chow test).
double f_upper_tail(double f, double d1, double d2);

/// Two-sided p-value of Fisher's z test that two correlations (of samples of n1 and
/// n2 > 3) are equal; NaN when either correlation is undefined or +-1.
double fisher_z_p_value(double r1, size_t n1, double r2, size_t n2);

}  // namespace hedgecalc
