#pragma once
// Other betas (docs/hedgecalc.md --estimators): the hedge ratio by other estimators, side
// by side with OLS, so that a user sees at once whether it is robust to outliers, to
// market direction and to closes at different times.

#include <cstddef>
#include <vector>

#include "hedgecalc/executor.hpp"

#include "hedgecalc/lad.hpp"

namespace hedgecalc {

/// The slope of target on proxy returns by each estimator (NaN where undefined).
struct OtherBetas {
  double ols;           ///< ordinary least squares, with an intercept
  double huber;         ///< statsmodels RLM(HuberT(1.345)), MAD scale re-estimated
  double lad;           ///< least absolute deviations (median regression)
  double lad_objective; ///< its sum of absolute residuals
  double up, down;      ///< OLS on the returns with r_P > 0, and with r_P < 0
  double dimson;        ///< sum of the slopes on r_P at lags -K..K in one regression
  size_t dimson_lags;
};

/// Huber's M-estimate of the slope, iterated exactly as statsmodels' RLM.fit() with its
/// defaults (OLS start, weights min(1, 1.345 / |r / s|), s = median |r| / 0.6745,
/// stopping when the deviance changes by 1e-8 or after 50 fits).
double huber_slope(const std::vector<double>& x, const std::vector<double>& y);

/// All the estimators; throws DataError when there are not enough returns for the
/// Dimson regression with `dimson_lags` leads and lags, or the proxy does not vary.
OtherBetas other_betas(const std::vector<double>& x, const std::vector<double>& y, size_t dimson_lags,
                       const Executor& executor = Executor(1));

}  // namespace hedgecalc
