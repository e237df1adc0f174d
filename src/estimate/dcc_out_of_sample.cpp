#include "hedgecalc/dcc_out_of_sample.hpp"

#include <cassert>
#include <cmath>

#include "hedgecalc/huge_pages.hpp"
#include "moments.hpp"
#include "refit_schedule.hpp"

namespace hedgecalc {

DccModel fit_dcc_model(const std::vector<double>& target, const std::vector<double>& proxy, size_t n,
                       const std::optional<DccModel>& previous, const Executor& executor) {
  assert(n <= target.size() && n <= proxy.size());
  const std::vector<double> head_target = huge_head(target, n), head_proxy = huge_head(proxy, n);
  DccModel model;
  GarchFit fit_target, fit_proxy;
  executor.both(
      [&] { fit_target = fit_garch(head_target, previous ? std::optional(previous->target) : std::nullopt); },
      [&] { fit_proxy = fit_garch(head_proxy, previous ? std::optional(previous->proxy) : std::nullopt); });
  model.target = fit_target.parameters;
  model.proxy = fit_proxy.parameters;
  std::vector<double> zt, zp;
  executor.both(
      [&] {
        const std::vector<double> variances = garch_variances(head_target, model.target);
        model.target_start = variances.front();
        zt = standardized_residuals(head_target, model.target, variances);
      },
      [&] {
        const std::vector<double> variances = garch_variances(head_proxy, model.proxy);
        model.proxy_start = variances.front();
        zp = standardized_residuals(head_proxy, model.proxy, variances);
      });
  model.qbar = correlation(pair_moments(zt, zp));
  model.dynamics =
      fit_dcc_correlation(zt, zp, previous ? std::optional(previous->dynamics) : std::nullopt).parameters;
  return model;
}

DccForecast::DccForecast(const DccModel& model)
    : model_(model),
      target_variance_(model.target_start),
      proxy_variance_(model.proxy_start),
      q_cross_(model.qbar) {}

void DccForecast::push(double target, double proxy) {
  const GarchParameters &t = model_.target, &p = model_.proxy;
  const double et = target - t.mu, ep = proxy - p.mu;
  const double zt = et / std::sqrt(target_variance_), zp = ep / std::sqrt(proxy_variance_);
  const DccParameters& d = model_.dynamics;
  const double c = 1 - d.a - d.b;
  q_target_ = c + d.a * zt * zt + d.b * q_target_;
  q_proxy_ = c + d.a * zp * zp + d.b * q_proxy_;
  q_cross_ = c * model_.qbar + d.a * zt * zp + d.b * q_cross_;
  target_variance_ = t.omega + t.alpha * et * et + t.beta * target_variance_;
  proxy_variance_ = p.omega + p.alpha * ep * ep + p.beta * proxy_variance_;
}

double DccForecast::hedge_ratio() const {
  const double rho = q_cross_ / std::sqrt(q_target_ * q_proxy_);
  return rho * std::sqrt(target_variance_ / proxy_variance_);
}

std::vector<double> dcc_out_of_sample(const std::vector<double>& target, const std::vector<double>& proxy,
                                      size_t first, size_t rebalance, const Executor& executor) {
  assert(first >= 1 && rebalance >= 1);
  const size_t n = target.size();
  std::vector<double> ratio = huge_vector(n, std::nan(""));
  std::optional<DccModel> model;
  std::optional<DccForecast> forecast;
  RefitSchedule schedule;
  size_t pushed = 0;  // returns fed to the last model
  for (size_t t0 = first; t0 < n; t0 += rebalance) {
    if (schedule.due(t0)) {
      model = fit_dcc_model(target, proxy, t0, model, executor);
      forecast.emplace(*model);
      pushed = 0;
    }
    for (; pushed < t0; ++pushed) forecast->push(target[pushed], proxy[pushed]);
    ratio[t0 - 1] = forecast->hedge_ratio();
  }
  return ratio;
}

}  // namespace hedgecalc
