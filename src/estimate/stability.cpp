#include "hedgecalc/stability.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "break_search.hpp"
#include "break_tests.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"

namespace hedgecalc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ReturnSeries slice(const ReturnSeries& returns, size_t begin, size_t end) {
  ReturnSeries part;
  part.time.assign(returns.time.begin() + static_cast<long>(begin),
                   returns.time.begin() + static_cast<long>(end));
  for (const std::vector<double>& v : returns.values) {
    part.values.emplace_back(v.begin() + static_cast<long>(begin),
                             v.begin() + static_cast<long>(end));
  }
  return part;
}

// The segment's own OLS fit: a fresh fit, so the figures before and after are exactly
// what a single analysis of that date range prints.
HedgeAnalysis fit_segment(const ReturnSeries& part, const std::vector<std::string>& labels,
                          const HedgeOptions& options) {
  HedgeOptions plain = options;
  plain.hac = false;  // only the point estimates are reported
  return analyse_hedge(part, labels, plain);
}

// OLS-CUSUM: max_t |sum_{i<=t} e_i| / (sigma sqrt(n)). sigma^2 = sum (e_i - mean e)^2 /
// (n - k), as strucchange's efp computes it: the residuals are centred, which matters
// only without an intercept (the contract's RSS / (n - k) is the same number with one).
double ols_cusum(const ReturnSeries& returns, const HedgeAnalysis& full, size_t k) {
  const size_t n = returns.size();
  std::vector<double> residual(returns.values[0]);
  for (size_t j = 0; j < full.proxies.size(); ++j) {
    const double h = full.proxies[j].hedge_ratio;
    for (size_t i = 0; i < n; ++i) residual[i] -= h * returns.values[j + 1][i];
  }
  double mean = 0;
  for (double& e : residual) {
    e -= full.intercept;
    mean += e;
  }
  mean /= static_cast<double>(n);
  double centred = 0;
  for (double e : residual) centred += (e - mean) * (e - mean);
  const double sigma = std::sqrt(centred / static_cast<double>(n - k));
  if (!(sigma > 0)) return kNaN;
  double sum = 0, largest = 0;
  for (double e : residual) {
    sum += e;
    largest = std::max(largest, std::fabs(sum));
  }
  return largest / (sigma * std::sqrt(static_cast<double>(n)));
}

}  // namespace

Stability test_stability(const ReturnSeries& returns, const std::vector<std::string>& labels,
                         const HedgeOptions& options, const HedgeAnalysis& full,
                         const StabilityOptions& settings) {
  const size_t n = returns.size();
  const size_t p = returns.values.size() - 1;
  const size_t k = p + (options.intercept ? 1 : 0);
  Stability result;
  result.trim = settings.trim;
  const BreakSearch search = search_break(returns, options.intercept, settings.trim);
  result.supf = search.supf;
  result.supf_p = supf_p_value(search.supf, k, search.lambda);
  const size_t b = search.best;
  result.break_date = returns.time[b];
  result.n_before = b;
  result.n_after = n - b;

  const HedgeAnalysis before = fit_segment(slice(returns, 0, b), labels, options);
  const HedgeAnalysis after = fit_segment(slice(returns, b, n), labels, options);
  for (size_t j = 0; j < p; ++j) {
    result.hedge_ratio_before.push_back(before.proxies[j].hedge_ratio);
    result.hedge_ratio_after.push_back(after.proxies[j].hedge_ratio);
  }
  result.effectiveness_before = before.effectiveness;
  result.effectiveness_after = after.effectiveness;
  result.correlation_before = p == 1 ? before.correlation : kNaN;
  result.correlation_after = p == 1 ? after.correlation : kNaN;
  result.correlation_change_p =
      p == 1 ? fisher_z_p_value(before.correlation, b, after.correlation, n - b) : kNaN;

  result.cusum = ols_cusum(returns, full, k);
  result.cusum_p = cusum_p_value(result.cusum);

  if (settings.break_at) {
    const auto first_after =
        std::lower_bound(returns.time.begin(), returns.time.end(), *settings.break_at);
    const auto at = static_cast<size_t>(first_after - returns.time.begin());
    if (at < k + 1 || n - at < k + 1) {
      throw DataError(flag_for(Setting::kBreakAt) + " " +
                      format_timestamp(*settings.break_at, false) + " leaves " +
                      std::to_string(at) + " returns before and " + std::to_string(n - at) +
                      " after (from " + format_timestamp(returns.time.front(), false) + " to " +
                      format_timestamp(returns.time.back(), false) + "); the Chow test needs " +
                      std::to_string(k + 1) + " on each side");
    }
    ChowTest chow;
    chow.date = returns.time[at];
    chow.n_before = at;
    chow.f = break_f(returns, options.intercept, at) / static_cast<double>(k);
    chow.p = f_upper_tail(chow.f, static_cast<double>(k), static_cast<double>(n - 2 * k));
    result.chow = chow;
  }
  return result;
}

}  // namespace hedgecalc
