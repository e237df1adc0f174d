#include "hedgecalc/analysis_record.hpp"

#include <cmath>
#include <limits>

#include "hedgecalc/backtest.hpp"

namespace hedgecalc {
namespace {

void add_estimate(Value& object, const ProxyEstimate& estimate) {
  object.add("hedge_ratio", Value::number(estimate.hedge_ratio))
      .add("std_error", Value::number(estimate.std_error))
      .add("t_stat", Value::number(estimate.t_stat))
      .add("ci_low", Value::number(estimate.ci_low))
      .add("ci_high", Value::number(estimate.ci_high));
}

Value summary_object(const std::vector<double>& values) {
  const SeriesSummary s = summarize(values);
  Value object = Value::object();
  object.add("last", Value::number(s.last))
      .add("min", Value::number(s.min))
      .add("max", Value::number(s.max))
      .add("mean", Value::number(s.mean))
      .add("std", Value::number(s.std));
  return object;
}

// "window": W for a count window, else its text ("30d", "expanding").
Value window_value(const RollingWindow& window) {
  if (window.count > 0) return Value::integer(static_cast<long long>(window.count));
  return Value::string(window.text);
}

void add_time_varying(Value& record, const Analysis& analysis) {
  if (analysis.rolling) {
    Value rolling = Value::object();
    rolling.add("window", window_value(analysis.window))
        .add("hedge_ratio", summary_object(analysis.rolling->hedge_ratio))
        .add("correlation", summary_object(analysis.rolling->correlation))
        .add("effectiveness", summary_object(analysis.rolling->effectiveness));
    record.add("rolling", std::move(rolling));
  }
  if (analysis.ewma) {
    Value ewma = Value::object();
    ewma.add("lambda", Value::number(analysis.ewma_lambda))
        .add("hedge_ratio", Value::number(analysis.ewma->hedge_ratio.back()))
        .add("correlation", Value::number(analysis.ewma->correlation.back()));
    record.add("ewma", std::move(ewma));
  }
  if (analysis.kalman) {
    const KalmanSeries& k = *analysis.kalman;
    Value kalman = Value::object();
    const bool any = !k.hedge_ratio.empty();
    kalman.add("q_intercept", Value::number(k.variances.q_intercept))
        .add("q_ratio", Value::number(k.variances.q_ratio))
        .add("r", Value::number(k.variances.r))
        .add("loglik", Value::number(k.loglik))
        .add("estimated", Value::boolean(k.estimated))
        .add("hedge_ratio", Value::number(any ? k.hedge_ratio.back() : std::nan("")))
        .add("std_error", Value::number(any ? k.std_error.back() : std::nan("")))
        .add("intercept", Value::number(any ? k.intercept.back() : std::nan("")));
    record.add("kalman", std::move(kalman));
  }
  if (analysis.backtest) {
    const Backtest& b = *analysis.backtest;
    Value backtest = Value::object();
    backtest.add("method", Value::string(analysis.backtest_method))
        .add("window", analysis.rolling ? window_value(analysis.window) : Value::null())
        .add("rebalance", Value::integer(static_cast<long long>(b.rebalance)))
        .add("n", Value::integer(static_cast<long long>(b.n)))
        .add("effectiveness", Value::number(b.effectiveness))
        .add("effectiveness_naive", Value::number(b.effectiveness_naive))
        .add("effectiveness_in_sample", Value::number(b.effectiveness_in_sample))
        .add("turnover", Value::number(b.turnover))
        .add("trades", Value::integer(static_cast<long long>(b.trades)))
        .add("cost", Value::number(b.cost))
        .add("cost_trading", Value::number(b.cost_trading))
        .add("cost_carry", Value::number(b.cost_carry))
        .add("effectiveness_net", Value::number(b.effectiveness_net))
        .add("mean_hedged_net", Value::number(b.mean_hedged_net));
    record.add("backtest", std::move(backtest));
  }
  if (!analysis.compare.empty()) {
    Value contest = Value::array();
    for (const MethodResult& m : analysis.compare) {
      Value row = Value::object();
      row.add("method", Value::string(m.method))
          .add("effectiveness", Value::number(m.effectiveness))
          .add("vol_hedged", Value::number(m.vol_hedged))
          .add("turnover", Value::number(m.turnover));
      if (analysis.costs.any()) {
        row.add("cost", Value::number(m.cost)).add("effectiveness_net", Value::number(m.effectiveness_net));
      }
      contest.push(std::move(row));
    }
    record.add("compare", std::move(contest));
    record.add("compare_start",
               Value::string(format_timestamp(analysis.returns.time[analysis.compare_first],
                                              analysis.full.date_only)));
  }
}

Value sizing_object(const Sizing& s) {
  Value object = Value::object();
  object.add("exposure", Value::number(s.exposure))
      .add("proxy_price", Value::number(s.proxy_price))
      .add("hedge_notional", Value::number(s.hedge_notional))
      .add("units", Value::number(s.units))
      .add("contracts_exact", Value::number(s.contracts_exact))
      .add("contracts", Value::number(s.contracts));
  return object;
}

Value measures_object(const RiskMeasures& m) {
  Value object = Value::object();
  object.add("vol", Value::number(m.vol))
      .add("lpm2", Value::number(m.lpm2))
      .add("var", Value::number(m.var))
      .add("es", Value::number(m.es))
      .add("max_drawdown", Value::number(m.max_drawdown));
  return object;
}

Value risk_object(const RiskReport& r) {
  Value reduction = Value::object();
  reduction.add("variance", Value::number(r.reduction_variance))
      .add("lpm2", Value::number(r.reduction_lpm2))
      .add("var", Value::number(r.reduction_var))
      .add("es", Value::number(r.reduction_es))
      .add("max_drawdown", Value::number(r.reduction_max_drawdown));
  Value object = Value::object();
  object.add("level", Value::number(r.level))
      .add("unhedged", measures_object(r.unhedged))
      .add("hedged", measures_object(r.hedged))
      .add("reduction", std::move(reduction))
      .add("pitman_morgan_t", Value::number(r.pitman_morgan_t))
      .add("pitman_morgan_p", Value::number(r.pitman_morgan_p))
      .add("brown_forsythe_w", Value::number(r.brown_forsythe_w))
      .add("brown_forsythe_p", Value::number(r.brown_forsythe_p));
  if (r.backtest_hedged) object.add("backtest_hedged", measures_object(*r.backtest_hedged));
  return object;
}

Value accounting_object(const AccountingTests& a) {
  Value object = Value::object();
  object.add("regression_slope", Value::number(a.regression_slope))
      .add("regression_r_squared", Value::number(a.regression_r_squared))
      .add("regression_p", Value::number(a.regression_p))
      .add("regression_pass", Value::boolean(a.regression_pass))
      .add("dollar_offset", Value::number(a.dollar_offset))
      .add("dollar_offset_pass", Value::boolean(a.dollar_offset_pass))
      .add("periods_in_range", Value::integer(static_cast<long long>(a.periods_in_range)))
      .add("periods", Value::integer(static_cast<long long>(a.periods)));
  return object;
}

Value trade_object(const Trade& t) {
  Value object = Value::object();
  object.add("position", Value::number(t.position))
      .add("target_position", Value::number(t.target_position))
      .add("trade", Value::number(t.trade))
      .add("trade_contracts_exact", Value::number(t.trade_contracts_exact))
      .add("trade_contracts", Value::number(t.trade_contracts))
      .add("gap", Value::number(t.gap))
      .add("band", Value::number(t.band))
      .add("action", Value::string(t.action));
  return object;
}

// --periods-per-year: the vols of K-period returns times sqrt(periods a year / K).
void add_annual_vols(Value& record, const Analysis& analysis, bool basket) {
  if (!analysis.periods_per_year) return;
  const double ppy = *analysis.periods_per_year;
  const double scale = std::sqrt(ppy / static_cast<double>(analysis.horizon));
  record.add("periods_per_year", Value::number(ppy))
      .add("vol_target_annual", Value::number(analysis.full.vol_target * scale));
  if (!basket) record.add("vol_proxy_annual", Value::number(analysis.full.vol_proxy * scale));
  record.add("vol_hedged_annual", Value::number(analysis.full.vol_hedged * scale));
}

// the contract's stability object; a basket's ratios before and after go into `proxies`.
Value stability_object(const Stability& s, bool basket, bool date_only) {
  Value object = Value::object();
  object.add("trim", Value::number(s.trim))
      .add("supf", Value::number(s.supf))
      .add("supf_p", Value::number(s.supf_p))
      .add("break_date", Value::string(format_timestamp(s.break_date, date_only)))
      .add("n_before", Value::integer(static_cast<long long>(s.n_before)))
      .add("n_after", Value::integer(static_cast<long long>(s.n_after)));
  if (!basket) {
    object.add("hedge_ratio_before", Value::number(s.hedge_ratio_before.front()))
        .add("hedge_ratio_after", Value::number(s.hedge_ratio_after.front()))
        .add("correlation_before", Value::number(s.correlation_before))
        .add("correlation_after", Value::number(s.correlation_after));
  }
  object.add("effectiveness_before", Value::number(s.effectiveness_before))
      .add("effectiveness_after", Value::number(s.effectiveness_after));
  if (!basket) object.add("correlation_change_p", Value::number(s.correlation_change_p));
  object.add("cusum", Value::number(s.cusum)).add("cusum_p", Value::number(s.cusum_p));
  if (s.chow) {
    object.add("break_at", Value::string(format_timestamp(s.chow->date, date_only)))
        .add("chow_f", Value::number(s.chow->f))
        .add("chow_p", Value::number(s.chow->p));
  }
  return object;
}

// the contract's alignment object; a basket's proxy counts are arrays, one per proxy.
Value alignment_object(const AlignmentCounts& counts, bool basket) {
  auto count = [](size_t n) { return Value::integer(static_cast<long long>(n)); };
  auto proxies = [&](const std::vector<size_t>& values) {
    if (!basket) return count(values.size() > 1 ? values[1] : 0);
    Value items = Value::array();
    for (size_t k = 1; k < values.size(); ++k) items.push(count(values[k]));
    return items;
  };
  auto target = [&](const std::vector<size_t>& values) {
    return count(values.empty() ? 0 : values[0]);
  };
  Value object = Value::object();
  object.add("target_rows", target(counts.rows))
      .add("target_missing", target(counts.missing))
      .add("target_unmatched", target(counts.unmatched))
      .add("proxy_rows", proxies(counts.rows))
      .add("proxy_missing", proxies(counts.missing))
      .add("proxy_unmatched", proxies(counts.unmatched));
  return object;
}

}  // namespace

Value analysis_record(const Analysis& analysis) {
  const HedgeAnalysis& full = analysis.full;
  const std::vector<std::string>& labels = analysis.labels;
  Value record = Value::object();
  const bool basket = full.proxies.size() > 1;
  record.add("target", Value::string(labels[0]));
  if (!basket) record.add("proxy", Value::string(labels[1]));
  record.add("returns", Value::string(return_kind_name(analysis.kind)))
      .add("n", Value::integer(static_cast<long long>(full.n)))
      .add("start", Value::string(format_timestamp(full.start, full.date_only)))
      .add("end", Value::string(format_timestamp(full.end, full.date_only)));
  if (basket) {
    Value proxies = Value::array();
    for (size_t k = 0; k < full.proxies.size(); ++k) {
      Value proxy = Value::object();
      proxy.add("proxy", Value::string(labels[k + 1]));
      add_estimate(proxy, full.proxies[k]);
      if (!analysis.sizing.empty()) proxy.add("sizing", sizing_object(analysis.sizing[k]));
      if (analysis.stability) {
        proxy.add("hedge_ratio_before", Value::number(analysis.stability->hedge_ratio_before[k]))
            .add("hedge_ratio_after", Value::number(analysis.stability->hedge_ratio_after[k]));
      }
      proxies.push(std::move(proxy));
    }
    record.add("proxies", std::move(proxies));
  } else {
    add_estimate(record, full.proxies.front());
  }
  record.add("confidence", Value::number(full.confidence))
      .add("se", Value::string(full.hac ? "hac" : "classical"));
  if (full.hac) record.add("hac_lags", Value::integer(full.hac_lags));
  if (analysis.horizon > 1) {
    record.add("horizon", Value::integer(static_cast<long long>(analysis.horizon)));
  }
  record.add("intercept", Value::number(full.intercept));
  if (!basket) record.add("correlation", Value::number(full.correlation));
  record.add("r_squared", Value::number(full.r_squared))
      .add("effectiveness", Value::number(full.effectiveness))
      .add("vol_target", Value::number(full.vol_target));
  if (!basket) record.add("vol_proxy", Value::number(full.vol_proxy));
  record.add("vol_hedged", Value::number(full.vol_hedged));
  add_annual_vols(record, analysis, basket);
  if (basket) record.add("condition_number", Value::number(full.condition_number));
  if (!basket && !analysis.sizing.empty()) {
    record.add("sizing", sizing_object(analysis.sizing.front()));
  }
  if (analysis.trade) record.add("trade", trade_object(*analysis.trade));
  record.add("alignment", alignment_object(analysis.alignment, basket));
  if (analysis.stability) {
    record.add("stability", stability_object(*analysis.stability, basket, full.date_only));
  }
  add_time_varying(record, analysis);
  if (!analysis.horizons.empty()) {
    Value horizons = Value::array();
    for (const HorizonFit& h : analysis.horizons) {
      Value row = Value::object();
      row.add("horizon", Value::integer(static_cast<long long>(h.horizon)))
          .add("n", Value::integer(static_cast<long long>(h.n)))
          .add("hedge_ratio", Value::number(h.hedge_ratio))
          .add("std_error", Value::number(h.std_error))
          .add("correlation", Value::number(h.correlation))
          .add("effectiveness", Value::number(h.effectiveness));
      horizons.push(std::move(row));
    }
    record.add("horizons", std::move(horizons));
  }
  if (analysis.estimators) {
    const OtherBetas& b = *analysis.estimators;
    Value estimators = Value::object();
    estimators.add("ols", Value::number(b.ols))
        .add("huber", Value::number(b.huber))
        .add("lad", Value::number(b.lad))
        .add("up", Value::number(b.up))
        .add("down", Value::number(b.down))
        .add("dimson", Value::number(b.dimson))
        .add("dimson_lags", Value::integer(static_cast<long long>(b.dimson_lags)))
        .add("lad_objective", Value::number(b.lad_objective));
    record.add("estimators", std::move(estimators));
  }
  if (analysis.risk) record.add("risk", risk_object(*analysis.risk));
  if (analysis.accounting) record.add("accounting", accounting_object(*analysis.accounting));
  return record;
}

Value analysis_record_template(const AnalysisOptions& options) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> undefined(1, nan);
  Analysis a;
  a.labels = {"", ""};
  a.kind = options.kind;
  a.horizon = options.horizon;
  a.full.proxies = {ProxyEstimate{nan, nan, nan, nan, nan}};
  a.full.hac = options.hedge.hac;
  if (options.window.active()) {
    a.window = options.window;
    a.rolling = RollingSeries{undefined, undefined, undefined};
    if (options.rebalance > 0) a.backtest = Backtest{};
  }
  if (options.compare) {
    a.compare.assign(6, MethodResult{"", nan, nan, nan, nan, nan});
    a.returns.time = {0};
  }
  if (options.rebalance > 0 && !a.backtest && (options.ewma_lambda || options.kalman)) {
    a.backtest = Backtest{};
  }
  if (options.kalman) {
    a.kalman = KalmanSeries{};
    a.kalman->estimated = !options.kalman_variances;
  }
  if (options.ewma_lambda) {
    a.ewma_lambda = *options.ewma_lambda;
    a.ewma = EwmaSeries{undefined, undefined, undefined};
  }
  if (options.sizing.exposure) a.sizing = {Sizing{nan, nan, nan, nan, nan, nan, nan}};
  if (options.position) a.trade = Trade{nan, nan, nan, nan, nan, nan, nan, ""};
  if (options.dimson_lags) a.estimators = OtherBetas{nan, nan, nan, nan, nan, nan, nan, *options.dimson_lags};
  for (size_t k : options.horizons) a.horizons.push_back(HorizonFit{k, 0, nan, nan, nan, nan});
  if (options.accounting) a.accounting = AccountingTests{nan, nan, nan, false, nan, false, 0, 0};
  if (options.risk_level) {
    const RiskMeasures none{nan, nan, nan, nan, nan};
    a.risk = RiskReport{*options.risk_level, none, none, nan, nan, nan, nan, nan, nan, nan, nan, nan, std::nullopt};
    if (a.backtest) a.risk->backtest_hedged = none;
  }
  if (options.costs.periods_per_year || options.costs.periods_per_year_auto || options.costs.carry) {
    a.periods_per_year = nan;
  }
  // Only whether there are costs matters here (the contest's columns).
  if (options.costs.cost_bps.value_or(0.0) > 0 || options.costs.carry || options.costs.carry_series) {
    a.costs.carry_by_date = {0.0};
  }
  if (options.stability) {
    Stability s;
    s.hedge_ratio_before = s.hedge_ratio_after = {nan};
    if (options.stability->break_at) s.chow = ChowTest{};
    a.stability = s;
  }
  return analysis_record(a);
}

std::vector<Value> series_records(const Analysis& analysis) {
  const ReturnSeries& r = analysis.returns;
  const std::vector<double>& target = r.values[0];
  const std::vector<double>& proxy = r.values[1];
  const size_t n = r.size();

  // The main columns: rolling values, else EWMA values, else the full-sample constants.
  std::vector<double> ratio, correlation, effectiveness, hedged;
  if (analysis.rolling) {
    ratio = analysis.rolling->hedge_ratio;
    correlation = analysis.rolling->correlation;
    effectiveness = analysis.rolling->effectiveness;
  } else if (analysis.ewma) {
    ratio = analysis.ewma->hedge_ratio;
    correlation = analysis.ewma->correlation;
    effectiveness = analysis.ewma->effectiveness;
  }
  if (ratio.empty()) {
    const double h = analysis.full.proxies[0].hedge_ratio;
    ratio.assign(n, h);
    correlation.assign(n, analysis.full.correlation);
    effectiveness.assign(n, analysis.full.effectiveness);
    hedged.resize(n);
    for (size_t t = 0; t < n; ++t) hedged[t] = target[t] - h * proxy[t];
  } else {
    hedged = hedged_returns(target, proxy, ratio);
  }
  const bool both = analysis.rolling && analysis.ewma;
  std::vector<double> ewma_hedged;
  if (both) ewma_hedged = hedged_returns(target, proxy, analysis.ewma->hedge_ratio);

  std::vector<double> kalman_hedged;
  if (analysis.kalman) kalman_hedged = hedged_returns(target, proxy, analysis.kalman->hedge_ratio);

  // --rebalance: the backtest date by date, and what a position of 1 grew to.
  const size_t nan_count = n;
  std::vector<double> held(nan_count, std::nan("")), bt_hedged = held, cost = held, net = held,
      value_unhedged = held, value_hedged = held, value_net = held;
  if (analysis.backtest_path) {
    const OutOfSample& path = *analysis.backtest_path;
    const size_t first = n - path.held.size();
    const std::vector<double> unhedged_value = value_path(path.target, analysis.kind),
                              hedged_value = value_path(path.hedged, analysis.kind),
                              net_value = value_path(path.net, analysis.kind);
    for (size_t i = 0; i < path.held.size(); ++i) {
      const size_t t = first + i;
      held[t] = path.held[i];
      bt_hedged[t] = path.hedged[i];
      cost[t] = path.cost[i];
      net[t] = path.net[i];
      value_unhedged[t] = unhedged_value[i];
      value_hedged[t] = hedged_value[i];
      value_net[t] = net_value[i];
    }
  }

  const bool date_only = analysis.full.date_only;
  std::vector<Value> rows;
  rows.reserve(n);
  for (size_t t = 0; t < n; ++t) {
    Value row = Value::object();
    row.add("date", Value::string(format_timestamp(r.time[t], date_only)))
        .add("target_return", Value::number(target[t]))
        .add("proxy_return", Value::number(proxy[t]))
        .add("hedge_ratio", Value::number(ratio[t]))
        .add("correlation", Value::number(correlation[t]))
        .add("effectiveness", Value::number(effectiveness[t]))
        .add("hedged_return", Value::number(hedged[t]));
    if (both) {
      row.add("ewma_hedge_ratio", Value::number(analysis.ewma->hedge_ratio[t]))
          .add("ewma_correlation", Value::number(analysis.ewma->correlation[t]))
          .add("ewma_effectiveness", Value::number(analysis.ewma->effectiveness[t]))
          .add("ewma_hedged_return", Value::number(ewma_hedged[t]));
    }
    if (analysis.kalman) {
      row.add("kalman_hedge_ratio", Value::number(analysis.kalman->hedge_ratio[t]))
          .add("kalman_std_error", Value::number(analysis.kalman->std_error[t]))
          .add("kalman_hedged_return", Value::number(kalman_hedged[t]));
    }
    if (analysis.backtest_path) {
      row.add("backtest_ratio", Value::number(held[t]))
          .add("backtest_hedged_return", Value::number(bt_hedged[t]))
          .add("cost", Value::number(cost[t]))
          .add("backtest_net_return", Value::number(net[t]))
          .add("value_unhedged", Value::number(value_unhedged[t]))
          .add("value_hedged", Value::number(value_hedged[t]))
          .add("value_net", Value::number(value_net[t]));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hedgecalc
