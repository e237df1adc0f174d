#include "hedgecalc/analysis_sections.hpp"

namespace hedgecalc {

namespace {
// naive, static, expanding, rolling, EWMA and Kalman (run_contest in analysis.cpp), and
// DCC when --dcc asks for its fit.
constexpr size_t kContestMethods = 6;
}  // namespace

AnalysisSections analysis_sections(const AnalysisOptions& options, size_t proxies) {
  const CostOptions& costs = options.costs;
  AnalysisSections s;
  s.proxies = proxies;
  s.hac = options.hedge.hac;
  s.horizon = options.horizon > 1;
  // A yearly carry is spread over the periods of a year, so it needs them too.
  s.annual_vols = costs.periods_per_year || costs.periods_per_year_auto || costs.carry;
  s.sizing = options.sizing.exposure.has_value();
  s.trade = options.position.has_value();
  s.stability = options.stability.has_value();
  s.chow = s.stability && options.stability->break_at.has_value();
  s.rolling = options.window.active();
  s.ewma = options.ewma_lambda.has_value();
  s.kalman = options.kalman;
  s.dcc = options.dcc;
  s.backtest = options.rebalance > 0 && options.time_varying();
  s.compare_rows = options.compare ? kContestMethods + (options.dcc ? 1 : 0) : 0;
  // The contest shows costs when a backtest is charged any (HedgeCosts::any).
  s.compare_costs = costs.cost_bps.value_or(0.0) > 0 || costs.carry || costs.carry_series;
  s.horizons = options.horizons;
  s.estimators = options.dimson_lags.has_value();
  s.risk = options.risk_level.has_value();
  s.accounting = options.accounting;
  s.monitor = options.monitor.has_value();
  s.cointegration = options.cointegration.has_value();
  return s;
}

}  // namespace hedgecalc
