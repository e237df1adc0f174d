#include "hedgecalc/analysis.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <functional>
#include <optional>

#include "carry.hpp"
#include "hedgecalc/align.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/huge_pages.hpp"
#include "hedgecalc/setting.hpp"
#include "hedgecalc/text.hpp"
#include "order_statistics.hpp"
#include "out_of_sample_paths.hpp"
#include "periods_per_year.hpp"

namespace hedgecalc {

namespace {

// One value for every proxy: a list of one applies to all (validate_single checks the count).
double pick(const std::vector<double>& values, size_t k, double fallback) {
  if (values.empty()) return fallback;
  return values.size() == 1 ? values[0] : values[k];
}

std::vector<Sizing> size_positions(const Analysis& analysis, const AlignedPrices& aligned,
                                   const SizingOptions& options) {
  const size_t proxies = analysis.full.proxies.size();
  assert(!options.proxy_prices.empty() || !given_as_values(analysis.kind));
  std::vector<Sizing> sizing;
  for (size_t k = 0; k < proxies; ++k) {
    const double last_price = aligned.prices[k + 1].back();
    sizing.push_back(size_hedge(analysis.full.proxies[k].hedge_ratio, analysis.kind,
                                *options.exposure, pick(options.proxy_prices, k, last_price),
                                pick(options.contract_sizes, k, 1.0)));
  }
  return sizing;
}

// The first out-of-sample date of a backtest: W for a count window (as the contract fixes it),
// else the date after the first defined ratio.
size_t first_estimate(const std::vector<double>& ratio, const RollingWindow& window) {
  if (window.count > 0 && window.min_obs == 0) return window.count;
  return first_hedge_date(ratio);
}

// --horizons: the same fit on every K-th joined row counted back from the last, as
// --horizon K would make it.
HorizonFit fit_horizon(const AlignedPrices& joined, size_t k, const Analysis& analysis,
                       const AnalysisOptions& options) {
  const ReturnSeries returns = compute_returns(every_kth_row(joined, k), options.kind);
  HedgeAnalysis fit;
  try {
    fit = analyse_hedge(returns, analysis.labels, options.hedge);
  } catch (const DataError& e) {
    throw DataError(flag_for(Setting::kHorizons) + " " + std::to_string(k) + ": " +
                    std::to_string(returns.size()) + " returns of " + std::to_string(k) +
                    " periods from " + std::to_string(joined.time.size()) +
                    " aligned rows: " + e.what());
  }
  const ProxyEstimate& p = fit.proxies[0];
  return HorizonFit{k, fit.n, p.hedge_ratio, p.std_error, fit.correlation, fit.effectiveness};
}

// --accounting: the item's change is X r_T each period, the hedge's -H r_P with H the
// hedge as traded: whole contracts x contract size x price when --contract-size is
// given, else h X (for diff returns, units rather than values).
AccountingTests run_accounting(const Analysis& analysis, const AnalysisOptions& options) {
  assert(analysis.sizing.size() == 1);
  const Sizing& s = analysis.sizing[0];
  const double units = options.sizing.contract_sizes.empty() ? s.units : s.contracts * s.contract_size;
  const double hedge_size = in_price_units(analysis.kind) ? units : units * s.proxy_price;
  const std::vector<double>& target = analysis.returns.values[0];
  const std::vector<double>& proxy = analysis.returns.values[1];
  std::vector<double> item(target.size()), hedge(target.size());
  for (size_t t = 0; t < target.size(); ++t) {
    item[t] = s.exposure * target[t];
    hedge[t] = -hedge_size * proxy[t];
  }
  return accounting_tests(item, hedge);
}

// The costs every backtest of this analysis charges: the fee, the band, and the carry
// per return date (a yearly --carry spread over the returns of a year, which with
// --horizon K are K periods each; or --carry-series matched as-of).
HedgeCosts hedge_costs(const Analysis& analysis, const CostOptions& options) {
  HedgeCosts costs;
  costs.cost_bps = options.cost_bps.value_or(0.0);
  costs.rebalance_band = options.rebalance_band.value_or(0.0);
  const size_t n = analysis.returns.size();
  if (options.carry) {
    costs.carry_by_date = constant_carry(
        n, *options.carry, *analysis.periods_per_year / static_cast<double>(analysis.horizon));
  } else if (options.carry_series) {
    costs.carry_by_date = carry_asof(analysis.returns.time, *options.carry_series);
  }
  return costs;
}

// Runs the backtest of ratio from first with the analysis' costs, keeping its path.
void backtest_with_costs(Analysis& analysis, const AnalysisOptions& options,
                         const std::vector<double>& ratio, size_t first) {
  const std::vector<double>& target = analysis.returns.values[0];
  const std::vector<double>& proxy = analysis.returns.values[1];
  if (options.costs.carry_series) {
    require_carry_from(analysis.costs.carry_by_date, analysis.returns.time, first,
                       *options.costs.carry_series);
  }
  analysis.backtest_path =
      hedge_out_of_sample(target, proxy, ratio, first, options.rebalance, analysis.costs);
  analysis.backtest = summarize_backtest(*analysis.backtest_path, target, proxy, first,
                                         options.rebalance, analysis.full.proxies[0].hedge_ratio);
}

// The first rebalancing date the contract allows a DCC backtest: after max(100,
// --min-obs) returns.
size_t first_dcc_date(size_t min_obs) { return std::max(kDccMinReturns, min_obs); }

// --compare: naive, static, expanding, rolling, EWMA and Kalman ratios (and DCC with
// --dcc), each held out of sample on the same dates. The user's window, decay and
// Kalman settings are used where given; else a 60-return window, lambda 0.94 and
// estimated variances.
// The contest's rolling contender without --window: a window of this many returns.
constexpr size_t kDefaultContestWindow = 60;

// Whether the contest's rolling contender is the run's own (--window, not expanding).
bool has_own_rolling(const Analysis& analysis) {
  return analysis.rolling && !analysis.window.expanding;
}

// The first date of the contest's rolling contender, known before it is computed.
size_t rolling_contender_first(const Analysis& analysis) {
  return has_own_rolling(analysis) ? first_estimate(analysis.rolling->hedge_ratio, analysis.window)
                                   : kDefaultContestWindow;
}

// A contest without --window needs returns for its default window.
void require_contest_window(const Analysis& analysis) {
  const size_t n = analysis.returns.values[0].size();
  if (!has_own_rolling(analysis) && n < kDefaultContestWindow) {
    throw DataError(flag_for(Setting::kCompare) +
                    ": the default 60-return window is longer than the " + std::to_string(n) +
                    " returns; give a shorter " + flag_for(Setting::kWindow));
  }
}

// The contest's contenders without fitted parameters: naive, static, expanding, the
// rolling window (--window's, else 60 returns) and the EWMA (--ewma's, else 0.94).
std::vector<RatioPath> parameter_free_paths(const Analysis& analysis) {
  const std::vector<double>& target = analysis.returns.values[0];
  const std::vector<double>& proxy = analysis.returns.values[1];
  const size_t n = target.size();
  std::vector<RatioPath> paths;
  paths.push_back({"naive", std::vector<double>(n, 1.0), 1});
  paths.push_back({"static", std::vector<double>(n, analysis.full.proxies[0].hedge_ratio), 1});
  RollingWindow expanding;
  expanding.expanding = true;
  std::vector<double> expanding_ratio =
      rolling_hedge_over(target, proxy, window_starts(analysis.returns.time, expanding),
                         expanding.required())
          .hedge_ratio;
  paths.push_back({"expanding", expanding_ratio, first_hedge_date(expanding_ratio)});
  if (has_own_rolling(analysis)) {
    paths.push_back({"rolling " + analysis.window.text, analysis.rolling->hedge_ratio,
                     rolling_contender_first(analysis)});
  } else {
    assert(n >= kDefaultContestWindow);  // require_contest_window
    paths.push_back({"rolling 60", rolling_hedge(target, proxy, kDefaultContestWindow).hedge_ratio,
                     rolling_contender_first(analysis)});
  }
  const double lambda = analysis.ewma ? analysis.ewma_lambda : 0.94;
  std::vector<double> ewma_ratio = analysis.ewma ? analysis.ewma->hedge_ratio
                                                 : ewma_hedge(target, proxy, lambda).hedge_ratio;
  paths.push_back({"ewma " + shortest_decimal(lambda), ewma_ratio, first_hedge_date(ewma_ratio)});
  return paths;
}

// A likelihood search that stopped short: the estimates stand at its best point, and the
// user is told so (never a silent number).
void warn_not_converged(Analysis& analysis, Setting estimator, const std::string& estimates) {
  analysis.full.warnings.push_back(flag_for(estimator) +
                                   ": the likelihood maximisation did not converge; the " +
                                   estimates + " are at the best point it reached");
}

// --dcc refuses a sample too short for a GARCH fit.
void require_dcc_returns(const Analysis& analysis) {
  const size_t n = analysis.returns.values[0].size();
  if (n < kDccMinReturns) {
    throw DataError(flag_for(Setting::kDcc) + " needs at least " + std::to_string(kDccMinReturns) +
                    " returns to fit a GARCH model; the series share " + std::to_string(n));
  }
}

// --dcc: both steps, with a warning when an optimiser stopped short of convergence.
DccFit run_dcc(Analysis& analysis, const Executor& executor) {
  require_dcc_returns(analysis);
  DccFit fit = fit_dcc(analysis.returns.values[0], analysis.returns.values[1], executor);
  if (!fit.converged()) warn_not_converged(analysis, Setting::kDcc, "values");
  return fit;
}

// The path the backtest without a window holds when it is fitted out of sample: the
// Kalman filter's with estimated variances (from the first date that can estimate them),
// else the DCC's (from after max(100, --min-obs) returns). None for EWMA or fixed
// Kalman variances.
std::optional<PathRequest> backtest_path_request(const Analysis& analysis,
                                                 const AnalysisOptions& options) {
  if (analysis.ewma || (analysis.kalman && options.kalman_variances)) return std::nullopt;
  const size_t n = analysis.returns.values[0].size();
  if (analysis.kalman) {
    return PathRequest{PathRequest::Model::kKalman,
                       std::min(kalman_min_returns(options.hedge.intercept), n)};
  }
  return PathRequest{PathRequest::Model::kDcc, std::min(first_dcc_date(options.window.min_obs), n)};
}

// Where the contest's out-of-sample fits start: where the last of its contenders can
// first hedge (the parameter-free ones from `contenders_first` on, the Kalman fit, the
// DCC fit).
size_t contest_first(size_t contenders_first, const AnalysisOptions& options, bool dcc) {
  size_t first = contenders_first;
  if (!options.kalman_variances)
    first = std::max(first, kalman_min_returns(options.hedge.intercept));
  if (dcc) first = std::max(first, first_dcc_date(options.window.min_obs));
  return first;
}

// Every out-of-sample path the contest from `first` and the backtest need.
std::vector<PathRequest> contest_requests(const Analysis& analysis, const AnalysisOptions& options,
                                          size_t first, bool dcc) {
  std::vector<PathRequest> requests;
  if (!options.kalman_variances) requests.push_back({PathRequest::Model::kKalman, first});
  if (dcc) requests.push_back({PathRequest::Model::kDcc, first});
  if (analysis.sections.backtest && !analysis.backtest) {
    if (const auto request = backtest_path_request(analysis, options)) requests.push_back(*request);
  }
  return requests;
}

// The contenders fitted out of sample (or the Kalman filter with given variances).
void add_fitted_paths(std::vector<RatioPath>& paths, Analysis& analysis,
                      const AnalysisOptions& options, OutOfSamplePaths& out_of_sample, size_t first,
                      bool dcc) {
  if (options.kalman_variances) {
    const std::vector<double> kalman_ratio =
        analysis.kalman ? analysis.kalman->hedge_ratio
                        : kalman_filter(analysis.returns.values[0], analysis.returns.values[1],
                                        options.hedge.intercept, *options.kalman_variances)
                              .hedge_ratio;
    paths.push_back({"kalman", kalman_ratio, first_hedge_date(kalman_ratio)});
  } else {
    paths.push_back({"kalman", out_of_sample.path({PathRequest::Model::kKalman, first}), first});
  }
  if (dcc) paths.push_back({"dcc", out_of_sample.path({PathRequest::Model::kDcc, first}), first});
}

void run_contest(Analysis& analysis, const AnalysisOptions& options,
                 OutOfSamplePaths& out_of_sample, const Executor& executor) {
  const bool dcc = analysis.sections.dcc;
  require_contest_window(analysis);
  // Estimated Kalman variances and the DCC model are fitted out of sample at the
  // contest's own rebalancing dates, which start where the slowest contender can first
  // hedge. Those fits are most of the contest's time, so they start before the
  // parameter-free paths are known, beside them (and beside the whole-sample DCC fit,
  // which run_time_varying leaves to the contest), from where the rolling window and
  // the fits themselves can first hedge. The expanding and EWMA ratios start later only
  // where the proxy does not move at first; then the fits are made again from there.
  std::vector<RatioPath> paths;
  std::vector<std::function<void(const Executor&)>> alongside;
  if (dcc && !analysis.dcc) {
    alongside.push_back([&analysis](const Executor& on) { analysis.dcc = run_dcc(analysis, on); });
  }
  alongside.push_back([&](const Executor&) { paths = parameter_free_paths(analysis); });
  const size_t likely_first = contest_first(rolling_contender_first(analysis), options, dcc);
  out_of_sample.make(contest_requests(analysis, options, likely_first, dcc), alongside);
  const size_t first = contest_first(latest_first(paths), options, dcc);
  if (first != likely_first) out_of_sample.make(contest_requests(analysis, options, first, dcc));
  add_fitted_paths(paths, analysis, options, out_of_sample, first, dcc);
  analysis.compare =
      compare_estimators(analysis.returns.values[0], analysis.returns.values[1], paths,
                         options.rebalance, analysis.compare_first, analysis.costs, executor);
  if (options.costs.carry_series) {
    require_carry_from(analysis.costs.carry_by_date, analysis.returns.time, analysis.compare_first,
                       *options.costs.carry_series);
  }
}

// Align, thin to --horizon, count what the join dropped, and fit the full sample.
// Returns the aligned rows the returns came from (sizing reads the last prices).
AlignedPrices join_and_fit(Analysis& analysis, const std::vector<const PriceSeries*>& series,
                           const AnalysisOptions& options, const Executor& executor,
                           AnalysisScratch* scratch) {
  AlignedPrices joined;
  if (scratch) {
    joined = std::move(scratch->joined);
    analysis.returns = std::move(scratch->returns);
  }
  if (options.asof) {
    joined = align_asof(series, options.max_gap.value_or(-1));
  } else {
    align_inner(series, joined, executor);
  }
  // Periods per year count the data's own spacing, before --horizon thins it.
  if (options.costs.periods_per_year) {
    analysis.periods_per_year = options.costs.periods_per_year;
  } else if (options.costs.periods_per_year_auto || options.costs.carry) {
    analysis.periods_per_year = infer_periods_per_year(joined.time);
  }
  for (size_t k : analysis.sections.horizons) {
    analysis.horizons.push_back(fit_horizon(joined, k, analysis, options));
  }
  // --horizon K thins the rows; at 1 the join itself serves, without a copy of it.
  if (options.horizon > 1) joined = every_kth_row(joined, options.horizon);
  for (const PriceSeries* s : series) {
    analysis.alignment.rows.push_back(s->size());
    analysis.alignment.missing.push_back(s->missing);
    analysis.alignment.first_row_is_data.push_back(s->first_row_is_data);
  }
  analysis.alignment.unmatched = joined.unmatched;
  compute_returns(joined, options.kind, executor, analysis.returns);
  require_finite_returns(analysis.returns, series);
  analysis.full = analyse_hedge(analysis.returns, analysis.labels, options.hedge);
  return joined;
}

// The rolling or expanding view, and its backtest.
void run_rolling(Analysis& analysis, const AnalysisOptions& options, const Executor& executor) {
  const RollingWindow& window = options.window;
  const std::vector<double>& target = analysis.returns.values[0];
  const std::vector<double>& proxy = analysis.returns.values[1];
  analysis.window = window;
  // Whole count windows take the block algorithm; the rest a queue of moments.
  analysis.rolling =
      window.count > 0 && window.required() == window.count
          ? rolling_hedge(target, proxy, window.count, executor)
          : rolling_hedge_over(target, proxy, window_starts(analysis.returns.time, window),
                               window.required());
  if (analysis.sections.backtest) {
    backtest_with_costs(analysis, options, analysis.rolling->hedge_ratio,
                        first_estimate(analysis.rolling->hedge_ratio, window));
    analysis.backtest_method = "rolling " + window.text;
  }
}

void run_ewma(Analysis& analysis, const AnalysisOptions& options) {
  const std::vector<double>& target = analysis.returns.values[0];
  analysis.ewma_lambda = *options.ewma_lambda;
  analysis.ewma = ewma_hedge(target, analysis.returns.values[1], *options.ewma_lambda);
  // min_obs, as pandas' min_periods: nothing before the N-th return.
  const size_t hidden =
      std::min(options.window.min_obs > 0 ? options.window.min_obs - 1 : 0, target.size());
  for (std::vector<double>* v : {&analysis.ewma->hedge_ratio, &analysis.ewma->correlation,
                                 &analysis.ewma->effectiveness}) {
    std::fill(v->begin(), v->begin() + static_cast<long>(hidden), std::nan(""));
  }
}

// With --returns none the columns must be returns. Price changes (Hull's futures table)
// give the same ratio but size by value: a hedge of about half the contracts, silently.
// A median move above 50% a period is no plausible return: say so.
void warn_of_price_changes(Analysis& analysis) {
  constexpr double kImplausibleReturn = 0.5;
  for (size_t k = 0; k < analysis.returns.values.size(); ++k) {
    std::vector<double> size = analysis.returns.values[k];
    if (size.empty()) continue;
    for (double& v : size) v = std::fabs(v);
    const double middle = median_of(size);
    if (!(middle > kImplausibleReturn)) continue;
    analysis.full.warnings.push_back(
        analysis.labels[k] + " looks like price changes, not returns (median size " +
        significant_decimal(middle, 4) + " a period): " + flag_for(Setting::kReturns) +
        " none sizes the hedge by value as if it were returns; for price changes give " +
        flag_for(Setting::kReturns) + " changes (or the prices with " +
        flag_for(Setting::kReturns) + " diff)");
  }
}

// A --min-obs above the sample leaves every rolling and EWMA value empty: say so, as a
// window longer than the sample does, rather than print a column of nulls and exit 0.
void require_min_obs(const Analysis& analysis, const RollingWindow& window) {
  const size_t n = analysis.returns.values[0].size();
  if (window.min_obs > n) {
    throw DataError(flag_for(Setting::kMinObs) + " " + std::to_string(window.min_obs) +
                    " is more than the " + std::to_string(n) +
                    " aligned returns: no window holds that many");
  }
}

// The backtest without a window: of the EWMA ratio, else the Kalman filter's, else the
// DCC's (backtest_path_request).
void backtest_time_varying(Analysis& analysis, const AnalysisOptions& options,
                           OutOfSamplePaths& out_of_sample) {
  if (analysis.ewma) {
    backtest_with_costs(analysis, options, analysis.ewma->hedge_ratio, first_hedge_date(analysis.ewma->hedge_ratio));
    analysis.backtest_method = "ewma " + shortest_decimal(analysis.ewma_lambda);
  } else if (analysis.kalman && options.kalman_variances) {
    backtest_with_costs(analysis, options, analysis.kalman->hedge_ratio,
                        first_hedge_date(analysis.kalman->hedge_ratio));
    analysis.backtest_method = "kalman";
  } else {
    const PathRequest request = *backtest_path_request(analysis, options);
    backtest_with_costs(analysis, options, out_of_sample.path(request), request.first);
    analysis.backtest_method = request.model == PathRequest::Model::kKalman ? "kalman" : "dcc";
  }
}

// Rolling, Kalman, EWMA and DCC ratios (and the rolling ratio's backtest, with a window).
void run_time_varying(Analysis& analysis, const AnalysisOptions& options,
                      const Executor& executor) {
  const AnalysisSections& sections = analysis.sections;
  require_min_obs(analysis, options.window);
  if (sections.rolling) run_rolling(analysis, options, executor);
  if (sections.kalman) {
    const std::vector<double>& target = analysis.returns.values[0];
    const std::vector<double>& proxy = analysis.returns.values[1];
    const bool intercept = options.hedge.intercept;
    analysis.kalman = options.kalman_variances
                          ? kalman_filter(target, proxy, intercept, *options.kalman_variances)
                          : kalman_estimate(target, proxy, intercept, std::nullopt, executor);
    if (!analysis.kalman->converged) warn_not_converged(analysis, Setting::kKalman, "variances");
  }
  if (sections.ewma) run_ewma(analysis, options);
  // With a contest the whole-sample DCC fit runs beside its out-of-sample paths.
  if (sections.dcc) {
    require_dcc_returns(analysis);
    if (sections.compare_rows == 0) analysis.dcc = run_dcc(analysis, executor);
  }
}

// The risk report, hedged with the full-sample ratios (every proxy of a basket).
void run_risk(Analysis& analysis, double level) {
  const std::vector<double>& target = analysis.returns.values[0];
  std::vector<double> hedged = target;
  for (size_t k = 0; k < analysis.full.proxies.size(); ++k) {
    const double h = analysis.full.proxies[k].hedge_ratio;
    const std::vector<double>& proxy = analysis.returns.values[k + 1];
    for (size_t t = 0; t < hedged.size(); ++t) hedged[t] -= h * proxy[t];
  }
  analysis.risk = risk_report(target, hedged, level, analysis.kind);
  if (analysis.backtest_path) {
    analysis.risk->backtest_hedged = risk_measures(analysis.backtest_path->hedged, level, analysis.kind);
  }
}

// The risk report and the other estimators read the same returns and write apart: on
// many rows they run side by side.
void run_risk_and_estimators(Analysis& analysis, const AnalysisOptions& options,
                             const Executor& executor) {
  const AnalysisSections& sections = analysis.sections;
  const std::vector<double>& target = analysis.returns.values[0];
  auto risk = [&] {
    if (sections.risk) run_risk(analysis, *options.risk_level);
  };
  auto estimators = [&] {
    if (sections.estimators) {
      analysis.estimators =
          other_betas(analysis.returns.values[1], target, *options.dimson_lags, executor);
    }
  };
  // Below this many rows a second thread costs more than it saves.
  constexpr size_t kParallelFrom = 100000;
  const bool side_by_side = sections.risk && sections.estimators && target.size() >= kParallelFrom;
  (side_by_side ? executor : Executor(1)).both(estimators, risk);
}

// The first proxy's price at each return, for sizing as the monitor goes (none where the
// files hold returns).
std::vector<double> proxy_price_per_return(const AlignedPrices& aligned, const ReturnSeries& returns,
                                           ReturnKind kind) {
  if (given_as_values(kind)) return {};
  const std::vector<double>& prices = aligned.prices[1];
  return std::vector<double>(prices.end() - static_cast<long>(returns.size()), prices.end());
}

// --cointegration on the levels the returns were taken from: log prices, or the prices
// themselves for diff returns (the command line allows no other kind).
Cointegration run_cointegration(const AlignedPrices& aligned, const AnalysisOptions& options,
                                const Executor& executor) {
  const CointegrationOptions& settings = *options.cointegration;
  std::vector<std::vector<double>> levels(2);
  for (size_t s = 0; s < 2; ++s) {
    const std::vector<double>& prices = aligned.prices[s];
    resize_huge(levels[s], prices.size());
    const bool logs = options.kind != ReturnKind::kDiff;
    for (size_t t = 0; t < prices.size(); ++t) levels[s][t] = logs ? std::log(prices[t]) : prices[t];
  }
  const size_t needed = cointegration_min_levels(settings.johansen_lags);
  if (levels[0].size() < needed) {
    throw DataError(flag_for(Setting::kCointegration) + " needs at least " + std::to_string(needed) +
                    " aligned prices with " + flag_for(Setting::kJohansenLags) + " " +
                    std::to_string(settings.johansen_lags) + "; the series share " +
                    std::to_string(levels[0].size()));
  }
  return test_cointegration(levels[0], levels[1], settings, executor);
}

}  // namespace

Analysis analyse(const std::vector<const PriceSeries*>& series, const AnalysisOptions& options,
                 const Executor& executor, AnalysisScratch* scratch) {
  Analysis analysis;
  analysis.sections = analysis_sections(options, series.size() - 1);
  const AnalysisSections& sections = analysis.sections;
  analysis.kind = options.kind;
  analysis.horizon = options.horizon;
  analysis.asof = options.asof;
  for (const PriceSeries* s : series) analysis.labels.push_back(s->label());
  AlignedPrices aligned = join_and_fit(analysis, series, options, executor, scratch);
  if (sections.sizing) analysis.sizing = size_positions(analysis, aligned, options.sizing);
  if (sections.sizing && analysis.kind == ReturnKind::kNone) warn_of_price_changes(analysis);
  if (sections.trade) {
    assert(analysis.sizing.size() == 1);
    analysis.trade = plan_trade(analysis.sizing[0], *options.position, options.band.value_or(0.0));
  }
  analysis.costs = hedge_costs(analysis, options.costs);
  if (sections.accounting) analysis.accounting = run_accounting(analysis, options);
  if (sections.cointegration) analysis.cointegration = run_cointegration(aligned, options, executor);
  if (sections.stability) {
    analysis.stability = test_stability(analysis.returns, analysis.labels, options.hedge,
                                        analysis.full, *options.stability);
  }
  OutOfSamplePaths out_of_sample(analysis.returns.values[0], analysis.returns.values[1],
                                 options.hedge.intercept, options.rebalance, executor);
  run_time_varying(analysis, options, executor);
  // The contest before the backtest without a window: the contest makes every
  // out-of-sample path both need, side by side (OutOfSamplePaths::make).
  if (sections.compare_rows > 0) {
    run_contest(analysis, options, out_of_sample, executor);
    assert(analysis.compare.size() == sections.compare_rows);
  }
  if (sections.backtest && !analysis.backtest)
    backtest_time_varying(analysis, options, out_of_sample);
  run_risk_and_estimators(analysis, options, executor);
  if (sections.monitor) {
    const MonitorOptions& monitor = *options.monitor;
    const auto critical = monitor_critical_value(monitor.settings, sections.proxies + 1);
    assert(critical);  // the command line checked the settings against the table
    // Prices per return only for a trade per return.
    const bool trades = sections.trade;
    analysis.monitor = monitor_hedge(analysis.returns, watch_options(options, *critical),
                                     trades ? proxy_price_per_return(aligned, analysis.returns, options.kind)
                                            : std::vector<double>());
  }
  if (scratch) scratch->joined = std::move(aligned);
  return analysis;
}

void recycle(Analysis&& analysis, AnalysisScratch& scratch) {
  scratch.returns = std::move(analysis.returns);
}

}  // namespace hedgecalc
