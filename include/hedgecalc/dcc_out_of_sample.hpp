#pragma once
// The DCC ratio as a backtest may hold it (the contract "Out-of-sample means out of
// sample"): at each rebalancing date, the forecast of a model fitted on earlier returns
// only, its parameters, s2_1 and Qbar included.

#include <cstddef>
#include <optional>
#include <vector>

#include "hedgecalc/dcc.hpp"
#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// Everything a forecast needs: the GARCH models, the s2_1 and Qbar of the sample they
/// were fitted on, and the correlation dynamics.
struct DccModel {
  GarchParameters target, proxy;
  double target_start = 0, proxy_start = 0;  ///< s2_1: the mean of e^2 over the sample
  double qbar = 0;                           ///< the sample correlation of z
  DccParameters dynamics;
};

/// The model fitted on the first n returns: both steps from several starts, or from
/// `previous` alone when given (a warm start).
DccModel fit_dcc_model(const std::vector<double>& target, const std::vector<double>& proxy, size_t n,
                       const std::optional<DccModel>& previous, const Executor& executor);

/// A model's recursions fed one pair of returns at a time, from date 1.
class DccForecast {
 public:
  explicit DccForecast(const DccModel& model);
  /// Takes the next pair of returns.
  void push(double target, double proxy);
  /// h for the period after the returns pushed so far.
  double hedge_ratio() const;

 private:
  DccModel model_;
  double target_variance_, proxy_variance_;
  double q_target_ = 1, q_proxy_ = 1, q_cross_;
};

/// ratio[t0 - 1] for each rebalancing date t0 = first, first + K, ... < n: the forecast
/// for t0 of the model last fitted at a rebalancing date at or before t0, on the returns
/// before that date (a fit at first, then whenever the returns have grown by a quarter
/// since the last fit, warm-started from it); NaN on the other dates.
std::vector<double> dcc_out_of_sample(const std::vector<double>& target, const std::vector<double>& proxy,
                                      size_t first, size_t rebalance, const Executor& executor);

}  // namespace hedgecalc
