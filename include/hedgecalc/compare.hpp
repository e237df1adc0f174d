#pragma once
// --compare: which hedge would have worked? Every estimator's ratio held out of
// sample on the same dates and ranked by the variance it removed (the contract "More
// time-varying estimators").

#include <cstddef>
#include <string>
#include <vector>

#include "hedgecalc/backtest.hpp"
#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// One estimator's ratio by date (known at the end of that date), and the first date
/// from which it can hedge (the day after its first defined value).
struct RatioPath {
  std::string method;  ///< "naive", "static", "expanding", "rolling 60", "ewma 0.94", "kalman"
  std::vector<double> ratio;
  size_t first = 0;
};

/// One row of the contest.
struct MethodResult {
  std::string method;
  double effectiveness = 0;  ///< out of sample, over the common dates
  double vol_hedged = 0;     ///< standard deviation (n-1) of the hedged returns
  double turnover = 0;       ///< sum of |change of ratio| at rebalancing dates, from 0
  double cost = 0;               ///< fees and carry (0 without costs)
  double effectiveness_net = 0;  ///< variance reduction net of cost
};

/// The first date a path can hedge from: the day after its first defined ratio.
size_t first_hedge_date(const std::vector<double>& ratio);

/// The latest `first` of the paths: the first date from which every one can hedge.
size_t latest_first(const std::vector<RatioPath>& paths);

/// Every path held out of sample from the latest `first` of all (so that all hedge the
/// same dates), rebalanced every K returns and charged costs; sorted by effectiveness
/// (net of cost when costs.any()), best first (an undefined one last). Returns also the
/// common first date. The paths are hedged side by side on the executor's threads.
std::vector<MethodResult> compare_estimators(const std::vector<double>& target,
                                             const std::vector<double>& proxy,
                                             const std::vector<RatioPath>& paths, size_t rebalance,
                                             size_t& common_first, const HedgeCosts& costs = {},
                                             const Executor& executor = Executor(1));

}  // namespace hedgecalc
