#pragma once
// From a target hedge to today's order (docs/hedgecalc.md --position, --band): what to
// buy or sell to move the proxy position held to the one the hedge ratio asks for.

#include <string>

#include "hedgecalc/sizing.hpp"

namespace hedgecalc {

/// The order that closes the gap between the position held and the target.
struct Trade {
  double position;               ///< proxy units held now (negative: short)
  double target_position;        ///< -units: the hedge shorts the proxy
  double trade;                  ///< target - position (0 inside the band)
  double trade_contracts_exact;  ///< trade / contract size
  double trade_contracts;        ///< rounded to the nearest whole contract
  double gap;                    ///< (target - position) / target: > 0 short of it, < 0 over
  double band;                   ///< --band: no trade while |gap| <= band
  std::string action;            ///< "buy", "sell" or "hold"
};

/// Plans the trade from position to -sizing.units; holds while |target - position| <=
/// band |target|. Throws UsageError for a negative or non-finite band or position.
Trade plan_trade(const Sizing& sizing, double position, double band);

}  // namespace hedgecalc
