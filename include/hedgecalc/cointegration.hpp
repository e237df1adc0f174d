#pragma once
// Cointegration of a target's and a proxy's price levels (docs/hedgecalc.md
// --cointegration): Engle-Granger with MacKinnon's p-value, Johansen's tests, the
// spread's half-life and z-score, and the error-correction hedge ratio (Lien 1996).

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <vector>

#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// How the tests are run.
struct CointegrationOptions {
  std::optional<size_t> adf_max_lags;  ///< the longest ADF lag tried; none: statsmodels' default
  size_t johansen_lags = 1;            ///< lagged differences in Johansen's VECM
};

/// Every field of the `cointegration` section.
struct Cointegration {
  double level_ratio = NAN, level_intercept = NAN;  ///< target = c + b proxy, in levels
  double adf_statistic = NAN;
  size_t adf_lags = 0;
  double p_value = NAN;
  std::array<double, 3> critical{NAN, NAN, NAN};  ///< 1%, 5%, 10%
  std::array<double, 2> trace{NAN, NAN}, max_eigen{NAN, NAN};
  std::array<double, 2> trace_critical_95{NAN, NAN}, max_eigen_critical_95{NAN, NAN};
  size_t rank = 0;
  double half_life = NAN, spread_last = NAN, spread_z = NAN;
  double ecm_hedge_ratio = NAN, ecm_std_error = NAN, ecm_gamma = NAN;
};

/// The fewest levels the tests take with `johansen_lags`.
size_t cointegration_min_levels(size_t johansen_lags);

/// The tests on two aligned level series (log prices, or prices for diff returns), at
/// least cointegration_min_levels() long; the caller checks the length. Engle-Granger and
/// Johansen run side by side when the executor has two threads.
Cointegration test_cointegration(const std::vector<double>& target, const std::vector<double>& proxy,
                                 const CointegrationOptions& options, const Executor& executor = Executor(1));

}  // namespace hedgecalc
