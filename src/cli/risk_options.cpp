#include "hedgecalc/risk_options.hpp"

#include <cmath>

#include "hedgecalc/error.hpp"
#include "hedgecalc/option_checks.hpp"

namespace hedgecalc {

void add_risk_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--risk", options.risk,
               "Risk beyond variance, unhedged and hedged: vol, downside semivariance, "
               "historical VaR and ES, maximum drawdown, their cuts, Pitman-Morgan and "
               "Brown-Forsythe tests");
  app.add_option("--var-level", options.var_level,
                 "Confidence level of VaR and ES, in (0,1) (default 0.95)")
      ->check(open_unit_interval());
  app.add_flag("--accounting", options.accounting,
               "Hedge accounting tests of the position (needs --exposure): regression and "
               "dollar offset, pass or fail; exit 3 when one fails");
}

void apply_risk_options(const SingleOptions& options, AnalysisOptions& analysis) {
  if (options.accounting && std::isnan(options.exposure)) {
    throw UsageError("--accounting tests the hedge of a position: add --exposure X");
  }
  analysis.accounting = options.accounting;
  if (!options.risk) {
    if (!std::isnan(options.var_level)) throw UsageError("--var-level sets the level of --risk: add --risk");
    return;
  }
  analysis.risk_level = std::isnan(options.var_level) ? 0.95 : options.var_level;
}

}  // namespace hedgecalc
