#pragma once
// The augmented Dickey-Fuller regression without a constant, its lag length chosen by
// AIC, as statsmodels' `adfuller(x, regression="n", autolag="aic")` runs it on the
// residuals of an Engle-Granger regression.

#include <cstddef>
#include <optional>
#include <vector>

#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// The test's outcome: the t statistic of the level's coefficient, and the lags kept.
struct AdfTest {
  double statistic = 0;
  size_t lags = 0;
  size_t nobs = 0;  ///< rows of the final regression
};

/// The largest lag statsmodels tries by default on m values: ceil(12 (m/100)^(1/4)),
/// at most m/2 - 1 (integer division).
size_t default_adf_max_lags(size_t m);

/// x[t+1] - x[t] for t = 0 .. n-2 (huge pages when long).
std::vector<double> changes(const std::vector<double>& x);

/// The test on x (at least 4 values), d its changes, with lags 0..max_lags compared by
/// AIC on the rows the largest lag leaves; max_lags is capped at x.size()/2 - 1. The
/// statistic is NaN when the regression is singular (x constant). The lag sums run on
/// two threads when the executor has them.
AdfTest adf_no_constant(const std::vector<double>& x, const std::vector<double>& d,
                        std::optional<size_t> max_lags, const Executor& executor = Executor(1));

}  // namespace hedgecalc
