#include "hedgecalc/align.hpp"

namespace hedgecalc {

AlignedPrices align_inner(const std::vector<const PriceSeries*>& series) {
  AlignedPrices aligned;
  aligned.prices.resize(series.size());
  if (series.empty()) return aligned;
  std::vector<size_t> cursor(series.size(), 0);
  const PriceSeries& lead = *series.front();
  for (size_t i = 0; i < lead.size(); ++i) {
    const Timestamp t = lead.time[i];
    bool everywhere = true;
    for (size_t k = 1; k < series.size(); ++k) {
      const PriceSeries& other = *series[k];
      size_t& j = cursor[k];
      while (j < other.size() && other.time[j] < t) ++j;
      if (j == other.size()) return aligned;  // no later match can exist
      everywhere &= other.time[j] == t;
    }
    if (!everywhere) continue;
    aligned.time.push_back(t);
    aligned.prices[0].push_back(lead.price[i]);
    for (size_t k = 1; k < series.size(); ++k) {
      aligned.prices[k].push_back(series[k]->price[cursor[k]]);
    }
  }
  return aligned;
}

}  // namespace hedgecalc
