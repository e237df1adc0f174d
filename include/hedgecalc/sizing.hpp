#pragma once
// From a hedge ratio to a position (docs/hedgecalc.md ("Sizing")): --exposure, --proxy-price,
// --contract-size.

#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// The hedge position for one proxy.
struct Sizing {
  double exposure;         ///< value of the target position (units of it for diff)
  double proxy_price;      ///< price of one unit of the proxy
  double hedge_notional;   ///< value of proxy to short: h X (units x price for diff)
  double units;            ///< proxy units to short: h X / P (h X for diff)
  double contracts_exact;  ///< units / contract size
  double contracts;        ///< rounded to the nearest whole contract
  double contract_size;    ///< proxy units per contract
};

/// Sizes a hedge of ratio h. By value (simple, log, none) units = h X / P; by units
/// (diff, Hull's minimum-variance hedge in contracts) units = h X. Throws UsageError
/// for a non-positive price or contract size.
Sizing size_hedge(double ratio, ReturnKind kind, double exposure, double proxy_price,
                  double contract_size);

}  // namespace hedgecalc
