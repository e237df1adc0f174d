#include "hedgecalc/analysis.hpp"

#include <algorithm>
#include <cmath>

#include "hedgecalc/align.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {

namespace {

// One value for every proxy: a list of one applies to all.
double pick(const std::vector<double>& values, size_t k, double fallback, const char* option,
            size_t proxies) {
  if (values.empty()) return fallback;
  if (values.size() != 1 && values.size() != proxies) {
    throw UsageError(std::string(option) + " takes one value, or one per proxy (" +
                     std::to_string(proxies) + ")");
  }
  return values.size() == 1 ? values[0] : values[k];
}

std::vector<Sizing> size_positions(const Analysis& analysis, const AlignedPrices& aligned,
                                   const SizingOptions& options) {
  const size_t proxies = analysis.full.proxies.size();
  if (options.proxy_prices.empty() && analysis.kind == ReturnKind::kNone) {
    throw UsageError("with --returns none the files hold no prices: give --proxy-price");
  }
  std::vector<Sizing> sizing;
  for (size_t k = 0; k < proxies; ++k) {
    const double last_price = aligned.prices[k + 1].back();
    sizing.push_back(size_hedge(analysis.full.proxies[k].hedge_ratio, analysis.kind,
                                options.exposure,
                                pick(options.proxy_prices, k, last_price, "--proxy-price", proxies),
                                pick(options.contract_sizes, k, 1.0, "--contract-size", proxies)));
  }
  return sizing;
}

// The first out-of-sample date of a backtest: W for a count window (as SPEC fixes it),
// else the date after the first defined ratio.
size_t first_estimate(const std::vector<double>& ratio, const RollingWindow& window) {
  if (window.count > 0 && window.min_obs == 0) return window.count;
  size_t t = 0;
  while (t < ratio.size() && std::isnan(ratio[t])) ++t;
  return t + 1;
}

}  // namespace

Analysis analyse(const std::vector<const PriceSeries*>& series, const AnalysisOptions& options) {
  const bool time_varying =
      options.window.active() || options.ewma_lambda.has_value() || options.kalman;
  if (time_varying && series.size() > 2) {
    throw UsageError("--window, --expanding, --ewma, --halflife and --kalman work with one proxy, not a basket");
  }
  if (options.rebalance > 0 && !options.window.active()) {
    throw UsageError("--rebalance needs --window W, --window DURATION or --expanding (the "
                     "estimation window)");
  }

  if (options.horizon > 1 && options.kind == ReturnKind::kNone) {
    throw UsageError("--horizon K needs prices, not --returns none");
  }

  Analysis analysis;
  analysis.kind = options.kind;
  analysis.horizon = options.horizon;
  analysis.asof = options.asof;
  for (const PriceSeries* s : series) analysis.labels.push_back(s->label());
  const AlignedPrices aligned = every_kth_row(
      options.asof ? align_asof(series, options.max_gap) : align_inner(series), options.horizon);
  for (size_t k = 0; k < series.size(); ++k) {
    analysis.alignment.rows.push_back(series[k]->size());
    analysis.alignment.missing.push_back(series[k]->missing);
  }
  analysis.alignment.unmatched = aligned.unmatched;
  analysis.returns = compute_returns(aligned, options.kind);
  require_finite_returns(analysis.returns, series);
  analysis.full = analyse_hedge(analysis.returns, analysis.labels, options.hedge);
  if (!std::isnan(options.sizing.exposure)) {
    analysis.sizing = size_positions(analysis, aligned, options.sizing);
  }

  if (options.stability) {
    analysis.stability = test_stability(analysis.returns, analysis.labels, options.hedge,
                                        analysis.full, *options.stability);
  }

  const std::vector<double>& target = analysis.returns.values[0];
  if (options.window.active()) {
    const RollingWindow& window = options.window;
    analysis.window = window;
    const std::vector<double>& proxy = analysis.returns.values[1];
    // Whole count windows take the block algorithm; the rest a queue of moments.
    analysis.rolling =
        window.count > 0 && window.required() == window.count
            ? rolling_hedge(target, proxy, window.count)
            : rolling_hedge_over(target, proxy, window_starts(analysis.returns.time, window),
                                 window.required());
    if (options.rebalance > 0) {
      analysis.backtest = run_backtest(target, proxy, analysis.rolling->hedge_ratio,
                                       first_estimate(analysis.rolling->hedge_ratio, window),
                                       options.rebalance, analysis.full.proxies[0].hedge_ratio);
    }
  }
  if (options.kalman) {
    const std::vector<double>& proxy = analysis.returns.values[1];
    const bool intercept = options.hedge.intercept;
    analysis.kalman = options.kalman_variances
                          ? kalman_filter(target, proxy, intercept, *options.kalman_variances)
                          : kalman_estimate(target, proxy, intercept);
  }
  if (options.ewma_lambda) {
    analysis.ewma_lambda = *options.ewma_lambda;
    analysis.ewma = ewma_hedge(target, analysis.returns.values[1], *options.ewma_lambda);
    // --min-obs, as pandas' min_periods: nothing before the N-th return.
    const size_t hidden = std::min(options.window.min_obs > 0 ? options.window.min_obs - 1 : 0,
                                   target.size());
    for (std::vector<double>* v : {&analysis.ewma->hedge_ratio, &analysis.ewma->correlation,
                                   &analysis.ewma->effectiveness}) {
      std::fill(v->begin(), v->begin() + static_cast<long>(hidden), std::nan(""));
    }
  }
  return analysis;
}

}  // namespace hedgecalc
