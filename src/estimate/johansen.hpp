#pragma once
// Johansen's trace and maximum-eigenvalue tests of two price levels with a constant
// (statsmodels' `coint_johansen(levels, det_order=0, k_ar_diff=L)`, R urca's
// `ca.jo(ecdet = "none")`), with MacKinnon, Haug and Michelis' (1999) critical values.

#include <array>
#include <cstddef>
#include <vector>

namespace hedgecalc {

/// The statistics per rank hypothesis r = 0, 1 (largest eigenvalue first).
struct JohansenTest {
  std::array<double, 2> eigenvalues{};
  std::array<double, 2> trace{};
  std::array<double, 2> max_eigen{};
  std::array<double, 2> trace_critical_95{};
  std::array<double, 2> max_eigen_critical_95{};
  size_t rank = 0;  ///< trace statistics, in order, above their 95% critical values
  size_t nobs = 0;  ///< rows of the regressions: levels - 1 - lags
};

/// The tests on levels a and b (equal lengths, more than 2 lags + 4 of them) with
/// `lags` lagged differences. Statistics are NaN when a moment matrix is singular.
JohansenTest johansen_test(const std::vector<double>& a, const std::vector<double>& b, size_t lags);

}  // namespace hedgecalc
