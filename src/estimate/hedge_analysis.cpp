#include "hedgecalc/hedge_analysis.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "four_sums.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "moments.hpp"
#include "ols.hpp"

namespace hedgecalc {
namespace {

constexpr size_t kMinimumReturns = 3;
// Below this many returns every estimate is too uncertain to act on without a word.
constexpr size_t kFewReturns = 10;

Eigen::Map<const Eigen::VectorXd> as_vector(const std::vector<double>& values) {
  return {values.data(), static_cast<Eigen::Index>(values.size())};
}

// "a.csv:Close and b.csv:Close (correlation 0.998)": the most correlated pair.
std::string most_collinear_pair(const Eigen::MatrixXd& X, const std::vector<std::string>& labels) {
  const Eigen::MatrixXd centred = X.rowwise() - X.colwise().mean();
  const Eigen::VectorXd norms = centred.colwise().norm().transpose();
  double best = -1;
  Eigen::Index a = 0, b = 1;
  for (Eigen::Index i = 0; i < X.cols(); ++i) {
    for (Eigen::Index j = i + 1; j < X.cols(); ++j) {
      const double r = std::fabs(centred.col(i).dot(centred.col(j)) / (norms[i] * norms[j]));
      if (r > best) best = r, a = i, b = j;
    }
  }
  char correlation[32];
  std::snprintf(correlation, sizeof correlation, "%.4f", best);
  return labels[a + 1] + " and " + labels[b + 1] + " (correlation " + correlation + ")";
}

}  // namespace

double standardized_condition_number(const Eigen::MatrixXd& X, bool intercept) {
  Eigen::MatrixXd Z = intercept ? Eigen::MatrixXd(X.rowwise() - X.colwise().mean()) : X;
  for (Eigen::Index j = 0; j < Z.cols(); ++j) {
    const double norm = Z.col(j).norm();
    if (norm > 0) Z.col(j) /= norm;
  }
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(Z);
  const Eigen::VectorXd& sigma = svd.singularValues();
  if (sigma.size() == 0) return 1;
  return sigma[sigma.size() - 1] > 0 ? sigma[0] / sigma[sigma.size() - 1]
                                     : std::numeric_limits<double>::infinity();
}

double t_critical_value(double confidence, double degrees_of_freedom) {
  // Batches ask for the same few quantiles thousands of times (one per count of returns);
  // the inversion costs microseconds, so each thread keeps the ones it has found.
  thread_local double cached_confidence = -1;
  thread_local std::unordered_map<double, double> by_dof;
  if (confidence != cached_confidence) by_dof.clear(), cached_confidence = confidence;
  const auto found = by_dof.find(degrees_of_freedom);
  if (found != by_dof.end()) return found->second;
  boost::math::students_t_distribution<double> distribution(degrees_of_freedom);
  const double value =
      boost::math::quantile(boost::math::complement(distribution, (1.0 - confidence) / 2.0));
  by_dof.emplace(degrees_of_freedom, value);
  return value;
}

namespace {

[[noreturn]] void throw_zero_variance(const std::string& label, size_t n) {
  throw DataError("proxy " + label + " has zero variance over the " + std::to_string(n) +
                  " returns used: no hedge ratio exists");
}

// One proxy, an intercept and classical errors: OLS on centred data in closed form,
// three passes (means, centred sums, residuals), the same arithmetic the QR does for
// one column, without its setup cost. Batches and matrices of pairs run through here.
HedgeAnalysis simple_hedge(const ReturnSeries& returns, const std::vector<std::string>& labels,
                           const HedgeOptions& options) {
  const std::vector<double>& y = returns.values[0];
  const std::vector<double>& x = returns.values[1];
  const size_t n = y.size();
  const PairMoments m = pair_moments(x, y);
  if (m.sxx == 0) throw_zero_variance(labels[1], n);
  const double h = m.sxy / m.sxx;
  // The residuals' sum of squares in four partial sums, as pair_moments' sums.
  Four squares;
  const Four mean_x = Four::all(m.mean_x), mean_y = Four::all(m.mean_y), slope = Four::all(h);
  in_blocks_of_four(x.data(), y.data(), n, m.mean_x, m.mean_y,
                    [&](const double* xs, const double* ys) {
                      const Four e = (Four::load(ys) - mean_y) - slope * (Four::load(xs) - mean_x);
                      squares = squares + e * e;
                    });
  const double ssr = squares.total();
  HedgeAnalysis result;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double dof = static_cast<double>(n) - 2;
  result.dof = static_cast<long>(n) - 2;
  result.confidence = options.confidence;
  ProxyEstimate e;
  e.hedge_ratio = h;
  e.std_error = std::sqrt(ssr / dof / m.sxx);
  e.t_stat = e.std_error > 0 ? h / e.std_error : nan;
  const double t_value = t_critical_value(options.confidence, dof);
  e.ci_low = h - t_value * e.std_error;
  e.ci_high = h + t_value * e.std_error;
  result.proxies = {e};
  result.intercept = m.mean_y - h * m.mean_x;
  result.r_squared = m.syy > 0 ? 1.0 - ssr / m.syy : nan;
  // The hedged return r_T - h r_P, centred, is the residual: its variance is ssr/(n-1).
  result.effectiveness = result.r_squared;
  result.correlation = correlation(m);
  const double scale = static_cast<double>(n) - 1;
  result.vol_target = std::sqrt(m.syy / scale);
  result.vol_proxy = std::sqrt(m.sxx / scale);
  result.vol_hedged = std::sqrt(ssr / scale);
  return result;
}

}  // namespace

namespace {

void require_enough_returns(size_t n, const std::vector<std::string>& labels) {
  if (n >= kMinimumReturns) return;
  std::string names = labels[0];
  for (size_t k = 1; k < labels.size(); ++k) names += (k + 1 == labels.size() ? " and " : ", ") + labels[k];
  throw DataError("only " + std::to_string(n) + " aligned return" + (n == 1 ? "" : "s") + " for " +
                  names + " (at least " + std::to_string(kMinimumReturns) +
                  " are needed): check that the files share timestamps and the date range");
}

// The general fit (a basket, no intercept, or HAC errors), refused in words when the
// design cannot give it: a constant proxy, too few returns, a singular basket.
OlsFit fit_design(const ReturnSeries& returns, const std::vector<std::string>& labels,
                  const HedgeOptions& options, const Eigen::MatrixXd& X) {
  const size_t n = returns.size(), proxy_count = returns.values.size() - 1;
  for (size_t k = 1; k <= proxy_count; ++k) {
    if (sample_variance(returns.values[k]) == 0) throw_zero_variance(labels[k], n);
  }
  const size_t coefficients = proxy_count + (options.intercept ? 1 : 0);
  if (n <= coefficients) {
    throw DataError("only " + std::to_string(n) + " aligned returns for " +
                    std::to_string(proxy_count) + " proxies: a basket needs more returns than "
                    "coefficients (at least " + std::to_string(coefficients + 1) +
                    " here); use fewer proxies or a longer date range");
  }
  const OlsFit fit = fit_ols(as_vector(returns.values[0]), X, options.intercept);
  if (fit.rank < static_cast<long>(proxy_count)) {
    std::string dependent;
    for (long column : dependent_columns(X, options.intercept)) {
      dependent += (dependent.empty() ? "" : ", ") + labels[static_cast<size_t>(column) + 1];
    }
    throw DataError("the basket is singular: " + dependent +
                    " is an exact linear combination of the other proxies over the " +
                    std::to_string(n) + " returns used; drop it");
  }
  if (fit.dof < 1) {
    throw DataError("only " + std::to_string(n) + " returns for " + std::to_string(proxy_count) +
                    " proxies: no degrees of freedom are left for the standard errors");
  }
  return fit;
}

// Each proxy's ratio with its error, t and interval; the collinearity warning.
void add_estimates(HedgeAnalysis& result, const OlsFit& fit, const Eigen::VectorXd& std_errors,
                   const Eigen::MatrixXd& X, const std::vector<std::string>& labels,
                   const HedgeOptions& options) {
  const size_t proxy_count = static_cast<size_t>(X.cols());
  result.condition_number = standardized_condition_number(X, options.intercept);
  if (proxy_count > 1 && result.condition_number > kCollinearityWarning) {
    char number[32];
    std::snprintf(number, sizeof number, "%.1f", result.condition_number);
    result.warnings.push_back("proxies " + most_collinear_pair(X, labels) +
                              " are nearly collinear (condition number " + number +
                              "): their separate ratios are unreliable, their sum is not");
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double t_value = t_critical_value(options.confidence, static_cast<double>(fit.dof));
  for (size_t k = 0; k < proxy_count; ++k) {
    ProxyEstimate estimate;
    estimate.hedge_ratio = fit.coefficients[k];
    estimate.std_error = std_errors[k];
    estimate.t_stat = estimate.std_error > 0 ? estimate.hedge_ratio / estimate.std_error : nan;
    estimate.ci_low = estimate.hedge_ratio - t_value * estimate.std_error;
    estimate.ci_high = estimate.hedge_ratio + t_value * estimate.std_error;
    result.proxies.push_back(estimate);
  }
  result.intercept = fit.intercept;
  result.r_squared = fit.r_squared;
}

// Volatilities, effectiveness and (one proxy) the correlation.
void add_volatilities(HedgeAnalysis& result, const ReturnSeries& returns, const OlsFit& fit) {
  const size_t proxy_count = returns.values.size() - 1;
  const std::vector<double>& target = returns.values[0];
  std::vector<double> hedged(target);
  for (size_t k = 0; k < proxy_count; ++k) {
    const std::vector<double>& proxy = returns.values[k + 1];
    const double h = fit.coefficients[k];
    for (size_t i = 0; i < hedged.size(); ++i) hedged[i] -= h * proxy[i];
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double var_target = sample_variance(target);
  const double var_hedged = sample_variance(hedged);
  result.vol_target = std::sqrt(var_target);
  result.vol_proxy = proxy_count == 1 ? std::sqrt(sample_variance(returns.values[1])) : nan;
  result.vol_hedged = std::sqrt(var_hedged);
  result.effectiveness = var_target > 0 ? 1.0 - var_hedged / var_target : nan;
  result.correlation =
      proxy_count == 1 ? correlation(pair_moments(returns.values[1], target)) : nan;
}

// The estimates; analyse_hedge adds the warnings that apply to any path.
HedgeAnalysis estimate_hedge(const ReturnSeries& returns, const std::vector<std::string>& labels,
                             const HedgeOptions& options) {
  const size_t n = returns.size();
  const size_t proxy_count = returns.values.size() - 1;
  require_enough_returns(n, labels);
  HedgeAnalysis result;
  if (proxy_count == 1 && options.intercept && !options.hac) {
    result = simple_hedge(returns, labels, options);
  } else {
    Eigen::MatrixXd X(n, proxy_count);
    for (size_t k = 0; k < proxy_count; ++k) X.col(k) = as_vector(returns.values[k + 1]);
    const OlsFit fit = fit_design(returns, labels, options, X);
    result.confidence = options.confidence;
    result.intercept_fitted = options.intercept;
    result.dof = fit.dof;
    result.hac = options.hac;
    Eigen::VectorXd std_errors = fit.std_errors;
    if (options.hac) {
      result.hac_lags = options.hac_lags ? *options.hac_lags : default_hac_lags(static_cast<long>(n));
      std_errors = hac_std_errors(X, fit, options.intercept, result.hac_lags);
    }
    add_estimates(result, fit, std_errors, X, labels, options);
    add_volatilities(result, returns, fit);
  }
  result.n = n;
  result.start = returns.time.front();
  result.end = returns.time.back();
  result.date_only = all_midnight(returns.time);
  return result;
}

}  // namespace

HedgeAnalysis analyse_hedge(const ReturnSeries& returns, const std::vector<std::string>& labels,
                            const HedgeOptions& options) {
  HedgeAnalysis result = estimate_hedge(returns, labels, options);
  if (result.n < kFewReturns) {
    result.warnings.push_back("only " + std::to_string(result.n) +
                              " returns: every estimate is very uncertain");
  }
  if (result.hac && result.hac_lags >= static_cast<long>(result.n)) {
    result.warnings.push_back(flag_for(Setting::kHacLags) + " " + std::to_string(result.hac_lags) +
                              " is not below the " + std::to_string(result.n) +
                              " returns: the Newey-West errors are meaningless; use fewer lags");
  }
  return result;
}

}  // namespace hedgecalc
