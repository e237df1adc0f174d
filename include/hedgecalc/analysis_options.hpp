#pragma once
// What one analysis estimates: the typed model the command line is bound to (src/cli)
// and analyse() reads. Every value here has been checked at the command-line edge
// (validate_single) before any file is read; the estimate layer only asserts.

#include <optional>
#include <vector>

#include "hedgecalc/cointegration.hpp"
#include "hedgecalc/hedge_analysis.hpp"
#include "hedgecalc/kalman.hpp"
#include "hedgecalc/monitor.hpp"
#include "hedgecalc/price_series.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/rolling_window.hpp"
#include "hedgecalc/stability.hpp"

namespace hedgecalc {

/// Sizing of the hedge of a position.
struct SizingOptions {
  std::optional<double> exposure;      ///< value (units for diff) of the target; none: no sizing
  std::vector<double> proxy_prices;    ///< one, or one per proxy; empty: last aligned prices
  std::vector<double> contract_sizes;  ///< one, or one per proxy; empty: 1
};

/// What trading the hedge costs in a backtest, and how many returns make a year.
struct CostOptions {
  std::optional<double> cost_bps;             ///< fee per change of the ratio; none: 0
  std::optional<double> rebalance_band;       ///< trade only past this share of the ratio; none: 0
  std::optional<double> carry;                ///< a yearly carry rate of the proxy leg
  const PriceSeries* carry_series = nullptr;  ///< per-period carry rates, matched as-of
  std::optional<double> periods_per_year;     ///< given
  bool periods_per_year_auto = false;         ///< inferred from the aligned timestamps
};

/// What to estimate.
struct AnalysisOptions {
  ReturnKind kind = ReturnKind::kSimple;
  HedgeOptions hedge;
  bool asof = false;                  ///< latest proxy price at or before each target time
  std::optional<Timestamp> max_gap;   ///< as-of: the oldest proxy price accepted
  size_t horizon = 1;                 ///< non-overlapping K-period returns
  std::vector<size_t> horizons;       ///< one extra fit per K
  SizingOptions sizing;
  RollingWindow window;               ///< rolling / expanding view (and min_obs for EWMA)
  std::optional<double> ewma_lambda;  ///< EWMA decay
  bool kalman = false;                ///< Kalman-filter ratio
  std::optional<KalmanVariances> kalman_variances;  ///< fixed; else estimated
  bool dcc = false;                   ///< DCC-GARCH conditional ratio
  size_t rebalance = 0;               ///< out-of-sample backtest every K returns (0: none)
  bool compare = false;               ///< every estimator out of sample (needs rebalance)
  std::optional<StabilityOptions> stability;  ///< break tests
  std::optional<double> position;     ///< proxy units held (needs sizing, one proxy)
  std::optional<double> band;         ///< no trade while the gap is within band x target
  CostOptions costs;
  std::optional<double> risk_level;   ///< risk report at this VaR level
  bool accounting = false;            ///< hedge accounting tests (needs sizing, one proxy)
  std::optional<size_t> dimson_lags;  ///< other estimators, Dimson with these lags
  std::optional<MonitorOptions> monitor;  ///< sequential monitoring after a history
  std::optional<CointegrationOptions> cointegration;  ///< tests on the levels (one proxy)

  /// True when a time-varying ratio (rolling, EWMA, Kalman or DCC) is asked for.
  bool time_varying() const { return window.active() || ewma_lambda || kalman || dcc; }
};

}  // namespace hedgecalc
