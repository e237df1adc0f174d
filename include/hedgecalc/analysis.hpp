#pragma once
// One analysis from loaded series to every estimate: align -> returns -> full-sample
// hedge, plus the rolling, EWMA and backtest views when asked for.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "hedgecalc/backtest.hpp"
#include "hedgecalc/compare.hpp"
#include "hedgecalc/estimators.hpp"
#include "hedgecalc/ewma.hpp"
#include "hedgecalc/hedge_accounting.hpp"
#include "hedgecalc/hedge_analysis.hpp"
#include "hedgecalc/kalman.hpp"
#include "hedgecalc/price_series.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/rolling.hpp"
#include "hedgecalc/risk.hpp"
#include "hedgecalc/rolling_window.hpp"
#include "hedgecalc/sizing.hpp"
#include "hedgecalc/stability.hpp"
#include "hedgecalc/trade.hpp"

namespace hedgecalc {

/// --exposure, --proxy-price, --contract-size.
struct SizingOptions {
  double exposure = NAN;               ///< NaN: no sizing
  std::vector<double> proxy_prices;    ///< one, or one per proxy; empty: last aligned prices
  std::vector<double> contract_sizes;  ///< one, or one per proxy; empty: 1
};

/// What trading the hedge costs (--cost-bps, --rebalance-band, --carry, --carry-series)
/// and how many returns make a year (--periods-per-year).
struct CostOptions {
  double cost_bps = 0;
  double rebalance_band = 0;
  std::optional<double> carry;                ///< --carry RATE, a yearly rate
  const PriceSeries* carry_series = nullptr;  ///< --carry-series: per-period rates, as-of
  std::optional<double> periods_per_year;     ///< --periods-per-year N
  bool periods_per_year_auto = false;         ///< --periods-per-year auto
};

/// What to estimate.
struct AnalysisOptions {
  ReturnKind kind = ReturnKind::kSimple;
  HedgeOptions hedge;
  bool asof = false;            ///< --align asof
  Timestamp max_gap = -1;       ///< --max-gap (negative: none)
  size_t horizon = 1;           ///< --horizon K
  SizingOptions sizing;
  RollingWindow window;               ///< --window / --expanding / --min-obs
  std::optional<double> ewma_lambda;  ///< --ewma / --halflife
  size_t rebalance = 0;               ///< --rebalance K (0: none; needs a window)
  std::optional<StabilityOptions> stability;  ///< --stability
  bool kalman = false;                        ///< --kalman
  bool compare = false;                       ///< --compare (needs --rebalance)
  std::optional<KalmanVariances> kalman_variances;  ///< fixed; else estimated
  std::optional<double> position;  ///< --position Q: proxy units held (needs --exposure)
  std::optional<double> band;      ///< --band B: no trade while the gap is within B
  CostOptions costs;
  std::optional<double> risk_level;  ///< --risk (at --var-level, default 0.95)
  bool accounting = false;           ///< --accounting (needs --exposure)
  std::vector<size_t> horizons;      ///< --horizons K1,K2,...
  std::optional<size_t> dimson_lags;  ///< --estimators (with --dimson-lags, default 1)
};

/// One row of --horizons: the hedge on non-overlapping K-period returns.
struct HorizonFit {
  size_t horizon, n;
  double hedge_ratio, std_error, correlation, effectiveness;
};

/// What the join kept and dropped, per series (target first): the contract's `alignment`.
struct AlignmentCounts {
  std::vector<size_t> rows;       ///< rows with a price inside --from/--to, after --frequency
  std::vector<size_t> missing;    ///< rows skipped for a missing-value marker
  std::vector<size_t> unmatched;  ///< rows with a price that found no partner
};

/// Every estimate of one analysis.
struct Analysis {
  std::vector<std::string> labels;  ///< target, then proxies
  ReturnKind kind = ReturnKind::kSimple;
  ReturnSeries returns;
  HedgeAnalysis full;
  RollingWindow window;
  std::optional<RollingSeries> rolling;
  double ewma_lambda = 0;
  std::optional<EwmaSeries> ewma;
  std::optional<Backtest> backtest;
  size_t horizon = 1;
  bool asof = false;
  std::vector<Sizing> sizing;  ///< one per proxy, when --exposure is given
  AlignmentCounts alignment;
  std::optional<Stability> stability;
  std::optional<KalmanSeries> kalman;
  std::string backtest_method;          ///< the estimator --rebalance backtested
  std::vector<MethodResult> compare;    ///< --compare, best first
  size_t compare_first = 0;             ///< the first out-of-sample return of the contest
  std::optional<double> periods_per_year;  ///< of the data before --horizon, when asked for
  std::optional<Trade> trade;              ///< --position
  HedgeCosts costs;                        ///< what the backtests charged
  std::optional<OutOfSample> backtest_path;  ///< the backtest date by date, for --series
  std::optional<RiskReport> risk;            ///< --risk
  std::optional<AccountingTests> accounting;  ///< --accounting
  std::vector<HorizonFit> horizons;           ///< --horizons
  std::optional<OtherBetas> estimators;       ///< --estimators
};

/// Runs the analysis of series[0] (target) on the others. Throws DataError or
/// UsageError (a time-varying view of a basket, --rebalance without --window).
Analysis analyse(const std::vector<const PriceSeries*>& series, const AnalysisOptions& options);

}  // namespace hedgecalc
