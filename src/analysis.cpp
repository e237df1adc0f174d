#include "hedgecalc/analysis.hpp"

#include "hedgecalc/align.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {

Analysis analyse(const std::vector<const PriceSeries*>& series, const AnalysisOptions& options) {
  const bool time_varying = options.window > 0 || options.ewma_lambda.has_value();
  if (time_varying && series.size() > 2) {
    throw UsageError("--window, --ewma and --halflife work with one proxy, not a basket");
  }
  if (options.rebalance > 0 && options.window == 0) {
    throw UsageError("--rebalance needs --window W (the estimation window)");
  }

  Analysis analysis;
  analysis.kind = options.kind;
  for (const PriceSeries* s : series) analysis.labels.push_back(s->label());
  analysis.returns = compute_returns(align_inner(series), options.kind);
  analysis.full = analyse_hedge(analysis.returns, analysis.labels, options.hedge);

  const std::vector<double>& target = analysis.returns.values[0];
  if (options.window > 0) {
    analysis.window = options.window;
    analysis.rolling = rolling_hedge(target, analysis.returns.values[1], options.window);
    if (options.rebalance > 0) {
      analysis.backtest = run_backtest(target, analysis.returns.values[1],
                                       analysis.rolling->hedge_ratio, options.window,
                                       options.rebalance, analysis.full.proxies[0].hedge_ratio);
    }
  }
  if (options.ewma_lambda) {
    analysis.ewma_lambda = *options.ewma_lambda;
    analysis.ewma = ewma_hedge(target, analysis.returns.values[1], *options.ewma_lambda);
  }
  return analysis;
}

}  // namespace hedgecalc
