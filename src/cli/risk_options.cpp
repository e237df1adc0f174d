// Risk: the risk report beyond variance, and the hedge accounting tests.

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {
constexpr const char* kGroup = "Risk";
}  // namespace

void add_risk_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--risk", options.risk,
               "Risk beyond variance, unhedged and hedged: vol, downside semivariance, "
               "historical VaR and ES, maximum drawdown, their cuts, Pitman-Morgan and "
               "Brown-Forsythe tests")
      ->group(kGroup);
  app.add_option("--var-level", options.var_level,
                 "Confidence level of VaR and ES, in (0,1) (default 0.95)")
      ->check(open_unit_interval())
      ->type_name("LEVEL")
      ->group(kGroup);
  app.add_flag("--accounting", options.analysis.accounting,
               "Hedge accounting tests of the position (needs --exposure): regression and "
               "dollar offset, pass or fail; exit 3 when one fails")
      ->group(kGroup);
}

void validate_risk(SingleOptions& options, size_t proxies) {
  AnalysisOptions& analysis = options.analysis;
  if (analysis.accounting && !analysis.sizing.exposure) {
    throw UsageError("--accounting tests the hedge of a position: add --exposure X");
  }
  // With no position there is nothing to offset: every test would be undefined, and exit 3
  // would tell an auditor the hedge failed.
  if (analysis.accounting && *analysis.sizing.exposure == 0) {
    throw UsageError("--accounting tests the hedge of a position: --exposure 0 holds none");
  }
  if (analysis.accounting && proxies > 1) throw UsageError("--accounting takes one proxy, not a basket");
  if (!options.risk) {
    if (options.var_level) throw UsageError("--var-level sets the level of --risk: add --risk");
    return;
  }
  analysis.risk_level = options.var_level.value_or(0.95);
}

}  // namespace hedgecalc
