#include "hedgecalc/analysis_record.hpp"

#include <cmath>
#include <limits>

#include "csv_reporter.hpp"
#include "hedgecalc/backtest.hpp"

namespace hedgecalc {
namespace {

// A part the sections name but the analysis lacks: only when the record is written
// for its field names (record_columns), so every value is a placeholder.
template <class T>
const T& or_blank(const std::optional<T>& part) {
  static const T blank{};
  return part ? *part : blank;
}

// The last (or first) value of a series, NaN when it is empty.
double last_of(const std::vector<double>& values) { return values.empty() ? NAN : values.back(); }
double first_of(const std::vector<double>& values) { return values.empty() ? NAN : values.front(); }

void add_estimate(Value& object, const ProxyEstimate& estimate) {
  object.add("hedge_ratio", Value::number(estimate.hedge_ratio))
      .add("std_error", Value::number(estimate.std_error))
      .add("t_stat", Value::number(estimate.t_stat))
      .add("ci_low", Value::number(estimate.ci_low))
      .add("ci_high", Value::number(estimate.ci_high));
}

Value summary_object(const SeriesSummary& s) {
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

// The out-of-sample contest, best first, and its first date.
void add_contest(Value& record, const Analysis& analysis) {
  const AnalysisSections& sections = analysis.sections;
  Value contest = Value::array();
  for (size_t i = 0; i < sections.compare_rows; ++i) {
    const MethodResult& m = i < analysis.compare.size() ? analysis.compare[i] : MethodResult{};
    Value row = Value::object();
    row.add("method", Value::string(m.method))
        .add("effectiveness", Value::number(m.effectiveness))
        .add("vol_hedged", Value::number(m.vol_hedged))
        .add("turnover", Value::number(m.turnover));
    if (sections.compare_costs) {
      row.add("cost", Value::number(m.cost)).add("effectiveness_net", Value::number(m.effectiveness_net));
    }
    contest.push(std::move(row));
  }
  record.add("compare", std::move(contest));
  const std::vector<Timestamp>& time = analysis.returns.time;
  record.add("compare_start",
             Value::string(analysis.compare_first < time.size()
                               ? format_timestamp(time[analysis.compare_first], analysis.full.date_only)
                               : std::string()));
}

void add_rolling(Value& record, const Analysis& analysis) {
  const auto [hedge_ratio, correlation, effectiveness] = summarize_each(or_blank(analysis.rolling));
  Value rolling = Value::object();
  rolling.add("window", window_value(analysis.window))
      .add("hedge_ratio", summary_object(hedge_ratio))
      .add("correlation", summary_object(correlation))
      .add("effectiveness", summary_object(effectiveness));
  record.add("rolling", std::move(rolling));
}

void add_ewma(Value& record, const Analysis& analysis) {
  const EwmaSeries& series = or_blank(analysis.ewma);
  Value ewma = Value::object();
  ewma.add("lambda", Value::number(analysis.ewma_lambda))
      .add("hedge_ratio", Value::number(last_of(series.hedge_ratio)))
      .add("correlation", Value::number(last_of(series.correlation)));
  record.add("ewma", std::move(ewma));
}

Value garch_object(const GarchParameters& p) {
  Value object = Value::object();
  object.add("mu", Value::number(p.mu))
      .add("omega", Value::number(p.omega))
      .add("alpha", Value::number(p.alpha))
      .add("beta", Value::number(p.beta));
  return object;
}

// --dcc: the models, then the forecast for the period after the last date, and the
// per-date ratios' range.
Value dcc_object(const DccFit& fit) {
  const bool any = !fit.hedge_ratio.empty();
  double low = NAN, high = NAN, sum = 0;
  const size_t dates = any ? fit.hedge_ratio.size() - 1 : 0;
  for (size_t t = 0; t < dates; ++t) {
    const double h = fit.hedge_ratio[t];
    sum += h;
    if (t == 0 || h < low) low = h;
    if (t == 0 || h > high) high = h;
  }
  Value object = Value::object();
  object.add("target", garch_object(fit.target.parameters))
      .add("proxy", garch_object(fit.proxy.parameters))
      .add("a", Value::number(fit.correlation_fit.parameters.a))
      .add("b", Value::number(fit.correlation_fit.parameters.b))
      .add("loglik", Value::number(fit.loglik))
      .add("hedge_ratio", Value::number(any ? fit.hedge_ratio.back() : NAN))
      .add("correlation", Value::number(any ? fit.correlation.back() : NAN))
      .add("ratio_mean", Value::number(dates > 0 ? sum / static_cast<double>(dates) : NAN))
      .add("ratio_min", Value::number(low))
      .add("ratio_max", Value::number(high));
  return object;
}

void add_time_varying(Value& record, const Analysis& analysis) {
  const AnalysisSections& sections = analysis.sections;
  if (sections.rolling) add_rolling(record, analysis);
  if (sections.ewma) add_ewma(record, analysis);
  if (sections.kalman) {
    const KalmanSeries& k = or_blank(analysis.kalman);
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
  if (sections.dcc) record.add("dcc", dcc_object(or_blank(analysis.dcc)));
  if (sections.backtest) {
    const Backtest& b = or_blank(analysis.backtest);
    Value backtest = Value::object();
    backtest.add("method", Value::string(analysis.backtest_method))
        .add("window", sections.rolling ? window_value(analysis.window) : Value::null())
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
  if (sections.compare_rows > 0) add_contest(record, analysis);
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

Value risk_object(const RiskReport& r, bool backtest) {
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
  if (backtest) object.add("backtest_hedged", measures_object(or_blank(r.backtest_hedged)));
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

// Two numbers per Johansen hypothesis (r = 0, then r <= 1), one proxy always: csv prints
// each pair as one cell, "a;b".
Value pair_array(const std::array<double, 2>& values) {
  Value array = Value::array();
  for (double v : values) array.push(Value::number(v));
  return array;
}

Value cointegration_object(const Cointegration& c) {
  Value object = Value::object();
  object.add("level_ratio", Value::number(c.level_ratio))
      .add("level_intercept", Value::number(c.level_intercept))
      .add("adf_statistic", Value::number(c.adf_statistic))
      .add("adf_lags", std::isnan(c.adf_statistic) ? Value::null() : Value::integer(static_cast<long long>(c.adf_lags)))
      .add("p_value", Value::number(c.p_value))
      .add("critical_1", Value::number(c.critical[0]))
      .add("critical_5", Value::number(c.critical[1]))
      .add("critical_10", Value::number(c.critical[2]))
      .add("trace", pair_array(c.trace))
      .add("max_eigen", pair_array(c.max_eigen))
      .add("trace_critical_95", pair_array(c.trace_critical_95))
      .add("max_eigen_critical_95", pair_array(c.max_eigen_critical_95))
      .add("rank", std::isnan(c.trace[0]) ? Value::null() : Value::integer(static_cast<long long>(c.rank)))
      .add("half_life", Value::number(c.half_life))
      .add("spread_last", Value::number(c.spread_last))
      .add("spread_z", Value::number(c.spread_z))
      .add("ecm_hedge_ratio", Value::number(c.ecm_hedge_ratio))
      .add("ecm_std_error", Value::number(c.ecm_std_error))
      .add("ecm_gamma", Value::number(c.ecm_gamma));
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
  const double ppy = analysis.periods_per_year.value_or(NAN);
  const double scale = annualising_factor(analysis);
  record.add("periods_per_year", Value::number(ppy))
      .add("vol_target_annual", Value::number(analysis.full.vol_target * scale));
  if (!basket) record.add("vol_proxy_annual", Value::number(analysis.full.vol_proxy * scale));
  record.add("vol_hedged_annual", Value::number(analysis.full.vol_hedged * scale));
}

// the contract's stability object; a basket's ratios before and after go into `proxies`.
Value stability_object(const Stability& s, bool basket, bool chow, bool date_only) {
  Value object = Value::object();
  object.add("trim", Value::number(s.trim))
      .add("supf", Value::number(s.supf))
      .add("supf_p", Value::number(s.supf_p))
      .add("break_date", Value::string(format_timestamp(s.break_date, date_only)))
      .add("n_before", Value::integer(static_cast<long long>(s.n_before)))
      .add("n_after", Value::integer(static_cast<long long>(s.n_after)));
  if (!basket) {
    object.add("hedge_ratio_before", Value::number(first_of(s.hedge_ratio_before)))
        .add("hedge_ratio_after", Value::number(first_of(s.hedge_ratio_after)))
        .add("correlation_before", Value::number(s.correlation_before))
        .add("correlation_after", Value::number(s.correlation_after));
  }
  object.add("effectiveness_before", Value::number(s.effectiveness_before))
      .add("effectiveness_after", Value::number(s.effectiveness_after));
  if (!basket) object.add("correlation_change_p", Value::number(s.correlation_change_p));
  object.add("cusum", Value::number(s.cusum)).add("cusum_p", Value::number(s.cusum_p));
  if (chow) {
    const ChowTest& test = or_blank(s.chow);
    object.add("break_at", Value::string(format_timestamp(test.date, date_only)))
        .add("chow_f", Value::number(test.f))
        .add("chow_p", Value::number(test.p));
  }
  return object;
}

// the contract's alignment object; a basket's proxy counts are arrays, one per proxy.
Value alignment_object(const AlignmentCounts& counts, size_t proxies) {
  auto count = [](size_t n) { return Value::integer(static_cast<long long>(n)); };
  auto at = [](const std::vector<size_t>& values, size_t k) { return k < values.size() ? values[k] : 0; };
  auto proxies_of = [&](const std::vector<size_t>& values) {
    if (proxies == 1) return count(at(values, 1));
    Value items = Value::array();
    for (size_t k = 1; k <= proxies; ++k) items.push(count(at(values, k)));
    return items;
  };
  auto target = [&](const std::vector<size_t>& values) {
    return count(values.empty() ? 0 : values[0]);
  };
  Value object = Value::object();
  object.add("target_rows", target(counts.rows))
      .add("target_missing", target(counts.missing))
      .add("target_unmatched", target(counts.unmatched))
      .add("proxy_rows", proxies_of(counts.rows))
      .add("proxy_missing", proxies_of(counts.missing))
      .add("proxy_unmatched", proxies_of(counts.unmatched));
  return object;
}

}  // namespace

namespace {

// The k-th element of a part with one per proxy (a placeholder when absent).
template <class T>
const T& per_proxy(const std::vector<T>& values, size_t k) {
  static const T blank{};
  return k < values.size() ? values[k] : blank;
}

// A basket's proxies, each with its estimate, sizing and ratios before and after a break.
Value proxies_array(const Analysis& analysis) {
  const AnalysisSections& sections = analysis.sections;
  Value proxies = Value::array();
  for (size_t k = 0; k < sections.proxies; ++k) {
    Value proxy = Value::object();
    proxy.add("proxy", Value::string(per_proxy(analysis.labels, k + 1)));
    add_estimate(proxy, per_proxy(analysis.full.proxies, k));
    if (sections.sizing) proxy.add("sizing", sizing_object(per_proxy(analysis.sizing, k)));
    if (sections.stability) {
      const Stability& stability = or_blank(analysis.stability);
      proxy.add("hedge_ratio_before", Value::number(per_proxy(stability.hedge_ratio_before, k)))
          .add("hedge_ratio_after", Value::number(per_proxy(stability.hedge_ratio_after, k)));
    }
    if (sections.monitor) {
      const Monitoring& monitor = or_blank(analysis.monitor);
      proxy.add("history_hedge_ratio", Value::number(per_proxy(monitor.history_hedge_ratios, k)))
          .add("hedge_ratio_since", Value::number(per_proxy(monitor.hedge_ratios_since, k)));
    }
    proxies.push(std::move(proxy));
  }
  return proxies;
}

// The full-sample fit: what was hedged with what, the estimate, and the volatilities.
void add_fit(Value& record, const Analysis& analysis) {
  const HedgeAnalysis& full = analysis.full;
  const AnalysisSections& sections = analysis.sections;
  const bool basket = sections.basket();
  record.add("target", Value::string(per_proxy(analysis.labels, 0)));
  if (!basket) record.add("proxy", Value::string(per_proxy(analysis.labels, 1)));
  record.add("returns", Value::string(return_kind_name(analysis.kind)))
      .add("n", Value::integer(static_cast<long long>(full.n)))
      .add("start", Value::string(format_timestamp(full.start, full.date_only)))
      .add("end", Value::string(format_timestamp(full.end, full.date_only)));
  if (basket) {
    record.add("proxies", proxies_array(analysis));
  } else {
    add_estimate(record, per_proxy(full.proxies, 0));
  }
  record.add("confidence", Value::number(full.confidence))
      .add("se", Value::string(sections.hac ? "hac" : "classical"));
  if (sections.hac) record.add("hac_lags", Value::integer(full.hac_lags));
  if (sections.horizon) record.add("horizon", Value::integer(static_cast<long long>(analysis.horizon)));
  record.add("intercept", Value::number(full.intercept));
  if (!basket) record.add("correlation", Value::number(full.correlation));
  record.add("r_squared", Value::number(full.r_squared))
      .add("effectiveness", Value::number(full.effectiveness))
      .add("vol_target", Value::number(full.vol_target));
  if (!basket) record.add("vol_proxy", Value::number(full.vol_proxy));
  record.add("vol_hedged", Value::number(full.vol_hedged));
  if (sections.annual_vols) add_annual_vols(record, analysis, basket);
  if (basket) record.add("condition_number", Value::number(full.condition_number));
}

Value horizons_array(const Analysis& analysis) {
  const std::vector<size_t>& wanted = analysis.sections.horizons;
  Value horizons = Value::array();
  for (size_t i = 0; i < wanted.size(); ++i) {
    const HorizonFit& h = per_proxy(analysis.horizons, i);  // one per K, in order
    Value row = Value::object();
    row.add("horizon", Value::integer(static_cast<long long>(wanted[i])))
        .add("n", Value::integer(static_cast<long long>(h.n)))
        .add("hedge_ratio", Value::number(h.hedge_ratio))
        .add("std_error", Value::number(h.std_error))
        .add("correlation", Value::number(h.correlation))
        .add("effectiveness", Value::number(h.effectiveness));
    horizons.push(std::move(row));
  }
  return horizons;
}

Value estimators_object(const OtherBetas& b) {
  Value estimators = Value::object();
  estimators.add("ols", Value::number(b.ols))
      .add("huber", Value::number(b.huber))
      .add("lad", Value::number(b.lad))
      .add("up", Value::number(b.up))
      .add("down", Value::number(b.down))
      .add("dimson", Value::number(b.dimson))
      .add("dimson_lags", Value::integer(static_cast<long long>(b.dimson_lags)))
      .add("lad_objective", Value::number(b.lad_objective));
  return estimators;
}

// A date or time, or null.
Value optional_time(const std::optional<Timestamp>& time, bool date_only) {
  return time ? Value::string(format_timestamp(*time, date_only)) : Value::null();
}

// The contract's monitor object; a basket's ratios go into `proxies`.
Value monitor_object(const Monitoring& m, bool basket, bool date_only) {
  const bool any = m.history_n > 0;  // false: the blank of a batch's header
  Value object = Value::object();
  object.add("process", Value::string(monitor_process_name(m.settings.process)))
      .add("bandwidth", Value::number(m.settings.bandwidth))
      .add("alpha", Value::number(m.settings.alpha))
      .add("period", Value::number(m.settings.period))
      .add("critical_value", any ? Value::number(m.critical_value) : Value::null())
      .add("history_from", any ? Value::string(format_timestamp(m.history_from, date_only)) : Value::null())
      .add("history_to", any ? Value::string(format_timestamp(m.history_to, date_only)) : Value::null())
      .add("history_n", Value::integer(static_cast<long long>(m.history_n)))
      .add("history_hedge_ratio", Value::number(basket ? NAN : first_of(m.history_hedge_ratios)))
      .add("monitored_n", Value::integer(static_cast<long long>(m.monitored_n)))
      .add("monitored_to", optional_time(m.monitored_to, date_only))
      .add("statistic", m.monitored_n > 0 ? Value::number(m.statistic) : Value::null())
      .add("alarm", Value::boolean(m.alarm_index.has_value()))
      .add("alarm_date", optional_time(m.alarm_date, date_only))
      .add("alarm_index", m.alarm_index ? Value::integer(static_cast<long long>(*m.alarm_index)) : Value::null())
      .add("horizon_passed", Value::boolean(m.horizon_passed))
      .add("hedge_ratio_since", Value::number(basket ? NAN : first_of(m.hedge_ratios_since)));
  return object;
}

}  // namespace

Value analysis_record(const Analysis& analysis) {
  const AnalysisSections& sections = analysis.sections;
  const bool basket = sections.basket();
  const bool date_only = analysis.full.date_only;
  Value record = Value::object();
  // The fit and alignment alone are about twenty fields: room for them at once, as a
  // batch builds a record per pair.
  record.reserve(32);
  add_fit(record, analysis);
  if (sections.sizing && !basket) record.add("sizing", sizing_object(per_proxy(analysis.sizing, 0)));
  if (sections.trade) record.add("trade", trade_object(or_blank(analysis.trade)));
  record.add("alignment", alignment_object(analysis.alignment, sections.proxies));
  if (sections.stability) {
    record.add("stability", stability_object(or_blank(analysis.stability), basket, sections.chow, date_only));
  }
  add_time_varying(record, analysis);
  if (!sections.horizons.empty()) record.add("horizons", horizons_array(analysis));
  if (sections.estimators) record.add("estimators", estimators_object(or_blank(analysis.estimators)));
  if (sections.risk) record.add("risk", risk_object(or_blank(analysis.risk), sections.backtest));
  if (sections.accounting) record.add("accounting", accounting_object(or_blank(analysis.accounting)));
  if (sections.cointegration) {
    record.add("cointegration", cointegration_object(or_blank(analysis.cointegration)));
  }
  if (sections.monitor) record.add("monitor", monitor_object(or_blank(analysis.monitor), basket, date_only));
  return record;
}

double annualising_factor(const Analysis& analysis) {
  const double ppy = analysis.periods_per_year.value_or(NAN);
  return std::sqrt(ppy / static_cast<double>(analysis.horizon));
}

std::vector<std::string> record_columns(const AnalysisSections& sections) {
  // The writer itself, on an analysis with no parts: the same code path gives the names.
  Analysis nothing;
  nothing.sections = sections;
  const auto rows = flatten_rows(analysis_record(nothing));
  std::vector<std::string> columns;
  for (const auto& [key, value] : rows.front()) columns.push_back(key);
  return columns;
}

namespace {

// The main per-date columns: rolling values, else EWMA values, else the full-sample
// constants; and the returns hedged with them.
struct MainColumns {
  std::vector<double> ratio, correlation, effectiveness, hedged;
};

MainColumns main_columns(const Analysis& analysis) {
  const std::vector<double>& target = analysis.returns.values[0];
  const std::vector<double>& proxy = analysis.returns.values[1];
  const size_t n = analysis.returns.size();
  MainColumns c;
  if (analysis.rolling) {
    c.ratio = analysis.rolling->hedge_ratio;
    c.correlation = analysis.rolling->correlation;
    c.effectiveness = analysis.rolling->effectiveness;
  } else if (analysis.ewma) {
    c.ratio = analysis.ewma->hedge_ratio;
    c.correlation = analysis.ewma->correlation;
    c.effectiveness = analysis.ewma->effectiveness;
  }
  if (!c.ratio.empty()) {
    c.hedged = hedged_returns(target, proxy, c.ratio);
    return c;
  }
  const double h = analysis.full.proxies[0].hedge_ratio;
  c.ratio.assign(n, h);
  c.correlation.assign(n, analysis.full.correlation);
  c.effectiveness.assign(n, analysis.full.effectiveness);
  c.hedged.resize(n);
  for (size_t t = 0; t < n; ++t) c.hedged[t] = target[t] - h * proxy[t];
  return c;
}

// --rebalance: the backtest date by date, and what a position of 1 grew to (undefined
// before the backtest starts).
struct BacktestColumns {
  std::vector<double> held, hedged, cost, net, value_unhedged, value_hedged, value_net;
};

BacktestColumns backtest_columns(const Analysis& analysis) {
  const size_t n = analysis.returns.size();
  const std::vector<double> undefined(n, std::nan(""));
  BacktestColumns c{undefined, undefined, undefined, undefined, undefined, undefined, undefined};
  const OutOfSample& path = *analysis.backtest_path;
  const size_t first = n - path.held.size();
  const std::vector<double> unhedged_value = value_path(path.target, analysis.kind),
                            hedged_value = value_path(path.hedged, analysis.kind),
                            net_value = value_path(path.net, analysis.kind);
  for (size_t i = 0; i < path.held.size(); ++i) {
    const size_t t = first + i;
    c.held[t] = path.held[i];
    c.hedged[t] = path.hedged[i];
    c.cost[t] = path.cost[i];
    c.net[t] = path.net[i];
    c.value_unhedged[t] = unhedged_value[i];
    c.value_hedged[t] = hedged_value[i];
    c.value_net[t] = net_value[i];
  }
  return c;
}

}  // namespace

MonitorColumns monitor_columns(const AnalysisSections& sections) {
  return MonitorColumns{sections.rolling, sections.ewma, sections.kalman, sections.trade};
}

Value monitor_row(const WatchEvent& event, const MonitorColumns& columns, bool date_only) {
  std::vector<const char*> keys{"date", "process", "boundary", "crossed"};
  if (columns.window) keys.push_back("window_hedge_ratio");
  if (columns.ewma) keys.push_back("ewma_hedge_ratio");
  if (columns.kalman) keys.push_back("kalman_hedge_ratio");
  if (columns.trade) keys.insert(keys.end(), {"target_position", "trade", "trade_contracts", "action"});
  Value row = Value::object();
  row.reserve(keys.size());
  for (const char* key : keys) row.add(key, Value::null());
  refill_monitor_row(row, event, columns, date_only);
  return row;
}

void refill_monitor_row(Value& row, const WatchEvent& event, const MonitorColumns& columns,
                        bool date_only) {
  size_t i = 0;
  row.field_at(i++).set_string(format_timestamp(event.time, date_only));
  row.field_at(i++).set_number(event.step.process);
  row.field_at(i++).set_number(event.step.boundary);
  row.field_at(i++).set_boolean(event.step.crossed);
  if (columns.window) row.field_at(i++).set_number(event.window_ratio);
  if (columns.ewma) row.field_at(i++).set_number(event.ewma_ratio);
  if (columns.kalman) row.field_at(i++).set_number(event.kalman_ratio);
  if (!columns.trade) return;
  const double nan = std::nan("");
  const bool known = event.trade.has_value();
  row.field_at(i++).set_number(known ? event.trade->target_position : nan);
  row.field_at(i++).set_number(known ? event.trade->trade : nan);
  row.field_at(i++).set_number(known ? event.trade->trade_contracts : nan);
  Value& action = row.field_at(i++);
  if (known) {
    action.set_string(event.trade->action);
  } else {
    action = Value::null();
  }
}

namespace {

std::vector<Value> monitor_records(const Monitoring& monitor, const MonitorColumns& columns,
                                   bool date_only) {
  std::vector<Value> rows;
  rows.reserve(monitor.monitored_n);
  for (size_t i = 0; i < monitor.monitored_n; ++i) rows.push_back(monitor_row(monitor.event(i), columns, date_only));
  return rows;
}

// --dcc's columns for date t: the model's values for that date, known at t - 1, and the
// return they hedged.
void add_dcc_columns(Value& row, const DccFit& fit, double target, double proxy, size_t t) {
  const double h = fit.hedge_ratio[t];
  row.add("dcc_hedge_ratio", Value::number(h))
      .add("dcc_correlation", Value::number(fit.correlation[t]))
      .add("target_vol", Value::number(fit.target_vol[t]))
      .add("proxy_vol", Value::number(fit.proxy_vol[t]))
      .add("dcc_hedged_return", Value::number(target - h * proxy));
}

}  // namespace

std::vector<Value> series_records(const Analysis& analysis) {
  // The monitor's --series is its own: one row per monitored return.
  if (analysis.monitor) {
    return monitor_records(*analysis.monitor, monitor_columns(analysis.sections), analysis.full.date_only);
  }
  const ReturnSeries& r = analysis.returns;
  const std::vector<double>& target = r.values[0];
  const std::vector<double>& proxy = r.values[1];
  const MainColumns main = main_columns(analysis);
  const bool both = analysis.rolling && analysis.ewma;
  std::vector<double> ewma_hedged, kalman_hedged;
  if (both) ewma_hedged = hedged_returns(target, proxy, analysis.ewma->hedge_ratio);
  if (analysis.kalman) kalman_hedged = hedged_returns(target, proxy, analysis.kalman->hedge_ratio);
  BacktestColumns backtest;
  if (analysis.backtest_path) backtest = backtest_columns(analysis);

  const bool date_only = analysis.full.date_only;
  std::vector<Value> rows;
  rows.reserve(r.size());
  for (size_t t = 0; t < r.size(); ++t) {
    Value row = Value::object();
    row.add("date", Value::string(format_timestamp(r.time[t], date_only)))
        .add("target_return", Value::number(target[t]))
        .add("proxy_return", Value::number(proxy[t]))
        .add("hedge_ratio", Value::number(main.ratio[t]))
        .add("correlation", Value::number(main.correlation[t]))
        .add("effectiveness", Value::number(main.effectiveness[t]))
        .add("hedged_return", Value::number(main.hedged[t]));
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
    if (analysis.dcc) add_dcc_columns(row, *analysis.dcc, target[t], proxy[t], t);
    if (analysis.backtest_path) {
      row.add("backtest_ratio", Value::number(backtest.held[t]))
          .add("backtest_hedged_return", Value::number(backtest.hedged[t]))
          .add("cost", Value::number(backtest.cost[t]))
          .add("backtest_net_return", Value::number(backtest.net[t]))
          .add("value_unhedged", Value::number(backtest.value_unhedged[t]))
          .add("value_hedged", Value::number(backtest.value_hedged[t]))
          .add("value_net", Value::number(backtest.value_net[t]));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hedgecalc
