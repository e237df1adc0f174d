#include "hedgecalc/hedge_analysis.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/moments.hpp"
#include "hedgecalc/ols.hpp"

namespace hedgecalc {
namespace {

constexpr size_t kMinimumReturns = 3;

Eigen::Map<const Eigen::VectorXd> as_vector(const std::vector<double>& values) {
  return {values.data(), static_cast<Eigen::Index>(values.size())};
}

}  // namespace

double t_critical_value(double confidence, double degrees_of_freedom) {
  boost::math::students_t_distribution<double> distribution(degrees_of_freedom);
  return boost::math::quantile(boost::math::complement(distribution, (1.0 - confidence) / 2.0));
}

HedgeAnalysis analyse_hedge(const ReturnSeries& returns, const std::vector<std::string>& labels,
                            const HedgeOptions& options) {
  const size_t n = returns.size();
  const size_t proxy_count = returns.values.size() - 1;
  if (n < kMinimumReturns) {
    std::string names = labels[0];
    for (size_t k = 1; k < labels.size(); ++k) names += (k + 1 == labels.size() ? " and " : ", ") + labels[k];
    throw DataError("only " + std::to_string(n) + " aligned return" + (n == 1 ? "" : "s") +
                    " for " + names + " (at least " + std::to_string(kMinimumReturns) +
                    " are needed): check that the files share timestamps and the date range");
  }
  const std::vector<double>& target = returns.values[0];
  for (size_t k = 1; k <= proxy_count; ++k) {
    const PairMoments m = pair_moments(returns.values[k], returns.values[k]);
    if (m.sxx == 0) {
      throw DataError("proxy " + labels[k] + " has zero variance over the " + std::to_string(n) +
                      " returns used: no hedge ratio exists");
    }
  }

  Eigen::MatrixXd X(n, proxy_count);
  for (size_t k = 0; k < proxy_count; ++k) X.col(k) = as_vector(returns.values[k + 1]);
  const OlsFit fit = fit_ols(as_vector(target), X, options.intercept);
  if (fit.rank < static_cast<long>(proxy_count)) {
    throw DataError("the proxies are linearly dependent (the basket is singular)");
  }

  HedgeAnalysis result;
  result.n = n;
  result.start = returns.time.front();
  result.end = returns.time.back();
  result.date_only = all_midnight(returns.time);
  result.confidence = options.confidence;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double t_value = t_critical_value(options.confidence, static_cast<double>(fit.dof));
  for (size_t k = 0; k < proxy_count; ++k) {
    ProxyEstimate estimate;
    estimate.hedge_ratio = fit.coefficients[k];
    estimate.std_error = fit.std_errors[k];
    estimate.t_stat = estimate.std_error > 0 ? estimate.hedge_ratio / estimate.std_error : nan;
    estimate.ci_low = estimate.hedge_ratio - t_value * estimate.std_error;
    estimate.ci_high = estimate.hedge_ratio + t_value * estimate.std_error;
    result.proxies.push_back(estimate);
  }
  result.intercept = fit.intercept;
  result.r_squared = fit.r_squared;

  std::vector<double> hedged(target);
  for (size_t k = 0; k < proxy_count; ++k) {
    const std::vector<double>& proxy = returns.values[k + 1];
    const double h = fit.coefficients[k];
    for (size_t i = 0; i < n; ++i) hedged[i] -= h * proxy[i];
  }
  const double var_target = sample_variance(target);
  const double var_hedged = sample_variance(hedged);
  result.vol_target = std::sqrt(var_target);
  result.vol_proxy = proxy_count == 1 ? std::sqrt(sample_variance(returns.values[1])) : nan;
  result.vol_hedged = std::sqrt(var_hedged);
  result.effectiveness = var_target > 0 ? 1.0 - var_hedged / var_target : nan;
  result.correlation =
      proxy_count == 1 ? correlation(pair_moments(returns.values[1], target)) : nan;
  return result;
}

}  // namespace hedgecalc
