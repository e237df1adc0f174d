#pragma once
// One analysis from loaded series to every estimate: align -> returns -> full-sample
// hedge, plus the rolling, EWMA and backtest views when asked for.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "hedgecalc/analysis_options.hpp"
#include "hedgecalc/analysis_sections.hpp"
#include "hedgecalc/backtest.hpp"
#include "hedgecalc/cointegration.hpp"
#include "hedgecalc/compare.hpp"
#include "hedgecalc/dcc.hpp"
#include "hedgecalc/dcc_out_of_sample.hpp"
#include "hedgecalc/estimators.hpp"
#include "hedgecalc/executor.hpp"
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
#include "hedgecalc/monitoring.hpp"
#include "hedgecalc/stability.hpp"
#include "hedgecalc/trade.hpp"

namespace hedgecalc {

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
  std::vector<bool> first_row_is_data;  ///< no header: the first row was read as data
};

/// Every estimate of one analysis.
struct Analysis {
  AnalysisSections sections;        ///< which of the parts below were estimated
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
  std::optional<DccFit> dcc;            ///< --dcc
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
  std::optional<Monitoring> monitor;          ///< the monitor command
  std::optional<Cointegration> cointegration;  ///< --cointegration
};

/// The buffers of one analysis that the next can reuse: a worker running pair after
/// pair (batch) keeps one, and its joins and returns keep their capacity instead of
/// allocating (and faulting in) fresh memory for every pair.
struct AnalysisScratch {
  AlignedPrices joined;
  ReturnSeries returns;
};

/// Runs the analysis of series[0] (target) on the others, with options checked by
/// validate_single for series.size() - 1 proxies. Throws DataError. With scratch, the
/// join and the returns are made in its buffers, and the join's go back to it.
Analysis analyse(const std::vector<const PriceSeries*>& series, const AnalysisOptions& options,
                 const Executor& executor = Executor(1), AnalysisScratch* scratch = nullptr);

/// Gives the analysis' returns back to scratch for the next analysis.
void recycle(Analysis&& analysis, AnalysisScratch& scratch);

}  // namespace hedgecalc
