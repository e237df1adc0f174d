#pragma once
// Messages below the command line (a window longer than the data, a lag count too large
// for the sample) must tell the user which option to change. Those layers name the setting;
// the command line owns how it is spelled (src/cli/setting_flags.cpp), so renaming a flag
// changes one table and no message below the edge goes stale.

#include <string>

namespace hedgecalc {

/// An analysis setting that a message below the command line refers to.
enum class Setting {
  kWindow,
  kHorizons,
  kCompare,
  kKalman,
  kDimsonLags,
  kTrim,
  kPeriodsPerYear,
  kEstimators,
  kBreakAt,
  kHacLags,
  kMaxBreakP,
  kReturns,
  kProxyPrice,
  kMinObs,
  kMaxInputSize,
  kCointegration,
  kJohansenLags,
  kMaxCointP,
  kDcc,
};

/// How the command line spells setting, as "--window".
std::string flag_for(Setting setting);

}  // namespace hedgecalc
