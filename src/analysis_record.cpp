#include "hedgecalc/analysis_record.hpp"

namespace hedgecalc {
namespace {

void add_estimate(Value& object, const ProxyEstimate& estimate) {
  object.add("hedge_ratio", Value::number(estimate.hedge_ratio))
      .add("std_error", Value::number(estimate.std_error))
      .add("t_stat", Value::number(estimate.t_stat))
      .add("ci_low", Value::number(estimate.ci_low))
      .add("ci_high", Value::number(estimate.ci_high));
}

}  // namespace

Value analysis_record(const HedgeAnalysis& analysis, const std::vector<std::string>& labels,
                      ReturnKind kind) {
  Value record = Value::object();
  const bool basket = analysis.proxies.size() > 1;
  record.add("target", Value::string(labels[0]));
  if (!basket) record.add("proxy", Value::string(labels[1]));
  record.add("returns", Value::string(return_kind_name(kind)))
      .add("n", Value::integer(static_cast<long long>(analysis.n)))
      .add("start", Value::string(format_timestamp(analysis.start, analysis.date_only)))
      .add("end", Value::string(format_timestamp(analysis.end, analysis.date_only)));
  if (basket) {
    Value proxies = Value::array();
    for (size_t k = 0; k < analysis.proxies.size(); ++k) {
      Value proxy = Value::object();
      proxy.add("proxy", Value::string(labels[k + 1]));
      add_estimate(proxy, analysis.proxies[k]);
      proxies.push(std::move(proxy));
    }
    record.add("proxies", std::move(proxies));
  } else {
    add_estimate(record, analysis.proxies.front());
  }
  record.add("confidence", Value::number(analysis.confidence))
      .add("intercept", Value::number(analysis.intercept));
  if (!basket) record.add("correlation", Value::number(analysis.correlation));
  record.add("r_squared", Value::number(analysis.r_squared))
      .add("effectiveness", Value::number(analysis.effectiveness))
      .add("vol_target", Value::number(analysis.vol_target));
  if (!basket) record.add("vol_proxy", Value::number(analysis.vol_proxy));
  record.add("vol_hedged", Value::number(analysis.vol_hedged));
  return record;
}

}  // namespace hedgecalc
