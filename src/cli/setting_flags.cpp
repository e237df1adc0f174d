#include "hedgecalc/setting.hpp"

namespace hedgecalc {

std::string flag_for(Setting setting) {
  switch (setting) {
    case Setting::kWindow:
      return "--window";
    case Setting::kHorizons:
      return "--horizons";
    case Setting::kCompare:
      return "--compare";
    case Setting::kKalman:
      return "--kalman";
    case Setting::kDimsonLags:
      return "--dimson-lags";
    case Setting::kTrim:
      return "--trim";
    case Setting::kPeriodsPerYear:
      return "--periods-per-year";
    case Setting::kEstimators:
      return "--estimators";
    case Setting::kBreakAt:
      return "--break-at";
    case Setting::kHacLags:
      return "--hac-lags";
    case Setting::kMaxBreakP:
      return "--max-break-p";
    case Setting::kReturns:
      return "--returns";
    case Setting::kProxyPrice:
      return "--proxy-price";
    case Setting::kMinObs:
      return "--min-obs";
    case Setting::kMaxInputSize:
      return "--max-input-size";
    case Setting::kCointegration:
      return "--cointegration";
    case Setting::kJohansenLags:
      return "--johansen-lags";
    case Setting::kMaxCointP:
      return "--max-coint-p";
    case Setting::kDcc:
      return "--dcc";
  }
  return "";  // unreachable: the switch names every setting
}

}  // namespace hedgecalc
