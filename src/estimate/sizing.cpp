#include "hedgecalc/sizing.hpp"

#include <cassert>
#include <cmath>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"

namespace hedgecalc {

Sizing size_hedge(double ratio, ReturnKind kind, double exposure, double proxy_price,
                  double contract_size) {
  if (!(proxy_price > 0) || !std::isfinite(proxy_price)) {
    throw UsageError("the proxy price for sizing must be a positive number (" +
                     flag_for(Setting::kProxyPrice) + ")");
  }
  assert(contract_size > 0 && std::isfinite(contract_size));  // checked by the command line
  Sizing s;
  s.exposure = exposure;
  s.proxy_price = proxy_price;
  if (in_price_units(kind)) {
    s.units = ratio * exposure;
    s.hedge_notional = s.units * proxy_price;
  } else {
    s.hedge_notional = ratio * exposure;
    s.units = s.hedge_notional / proxy_price;
  }
  s.contract_size = contract_size;
  s.contracts_exact = s.units / contract_size;
  s.contracts = std::round(s.contracts_exact);
  return s;
}

}  // namespace hedgecalc
