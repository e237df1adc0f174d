#include "carry.hpp"

#include <cmath>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

std::vector<double> constant_carry(size_t returns, double yearly_rate, double periods_per_year) {
  return std::vector<double>(returns, yearly_rate / periods_per_year);
}

std::vector<double> carry_asof(const std::vector<Timestamp>& return_times, const PriceSeries& rates) {
  std::vector<double> carry(return_times.size(), std::nan(""));
  size_t r = 0;
  for (size_t t = 0; t < return_times.size(); ++t) {
    while (r < rates.size() && rates.time[r] <= return_times[t]) ++r;
    if (r > 0) carry[t] = rates.price[r - 1];
  }
  return carry;
}

void require_carry_from(const std::vector<double>& carry, const std::vector<Timestamp>& return_times,
                        size_t first, const PriceSeries& rates) {
  if (first >= carry.size()) return;
  const std::string wanted = format_for_message(return_times[first]);
  if (rates.size() == 0) throw DataError(rates.label() + ": no carry rates");
  if (rates.time.back() < return_times[first]) {
    throw DataError(rates.label() + ": the carry rates end on " + format_for_message(rates.time.back()) +
                    ", before the first hedged return (" + wanted +
                    "): they do not overlap the backtest");
  }
  if (!std::isnan(carry[first])) return;
  throw DataError(rates.label() + ": the carry rates start on " + format_for_message(rates.time.front()) +
                  ", after the first hedged return (" + wanted +
                  "); give rates from that date on (each return takes the latest rate at or before it)");
}

}  // namespace hedgecalc
