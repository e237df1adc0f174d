#include "hedgecalc/trade.hpp"

#include <cassert>
#include <cmath>

namespace hedgecalc {

Trade plan_trade(const Sizing& sizing, double position, double band) {
  // The command line and the PAIRS reader refuse non-finite positions and negative bands.
  assert(std::isfinite(position));
  assert(band >= 0 && std::isfinite(band));
  Trade t;
  t.position = position;
  t.target_position = -sizing.units;
  t.band = band;
  const double difference = t.target_position - position;
  // Undefined when there is no hedge to aim at (a ratio of exactly 0).
  t.gap = t.target_position != 0 ? difference / t.target_position : std::nan("");
  const bool inside = std::fabs(difference) <= band * std::fabs(t.target_position);
  t.trade = inside ? 0.0 : difference;
  t.trade_contracts_exact = t.trade / sizing.contract_size;
  // + 0.0: a sell that rounds to no contract is 0, not -0.
  t.trade_contracts = std::round(t.trade_contracts_exact) + 0.0;
  t.action = t.trade > 0 ? "buy" : t.trade < 0 ? "sell" : "hold";
  return t;
}

}  // namespace hedgecalc
