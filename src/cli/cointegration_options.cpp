// Cointegration: the tests on the price levels, and the threshold that makes the exit
// code an alarm.

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {
constexpr const char* kGroup = "Cointegration";
}  // namespace

void add_cointegration_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--cointegration", options.cointegration,
               "Are the price levels cointegrated? Engle-Granger (MacKinnon p-value), Johansen "
               "trace and max-eigenvalue, the spread's half-life and z-score, the error-correction "
               "hedge ratio; on log prices (prices with --returns diff), one proxy")
      ->group(kGroup);
  app.add_option("--adf-max-lags", options.adf_max_lags,
                 "Longest lag the Engle-Granger ADF test tries, chosen by AIC (default "
                 "ceil(12 (m/100)^(1/4)), at most m/2 - 1 for m levels)")
      ->check(whole_number(0, 100000))
      ->type_name("L")
      ->group(kGroup);
  app.add_option("--johansen-lags", options.johansen_lags,
                 "Lagged differences in Johansen's test (default 1)")
      ->check(whole_number(0, 100))
      ->type_name("L")
      ->group(kGroup);
  app.add_option("--max-coint-p", options.thresholds.max_coint_p,
                 "Exit 3 when the Engle-Granger p-value is above P (needs --cointegration)")
      ->check(open_unit_interval())
      ->type_name("P")
      ->group(kGroup);
}

void validate_cointegration(SingleOptions& options, size_t proxies) {
  if (!options.cointegration) {
    if (options.adf_max_lags || options.johansen_lags || options.thresholds.max_coint_p) {
      throw UsageError("--adf-max-lags, --johansen-lags and --max-coint-p need --cointegration");
    }
    return;
  }
  if (proxies > 1) throw UsageError("--cointegration takes one proxy, not a basket");
  if (given_as_values(options.analysis.kind)) {
    throw UsageError("--cointegration tests price levels: --returns none and changes give none");
  }
  CointegrationOptions settings;
  settings.adf_max_lags = options.adf_max_lags;
  settings.johansen_lags = options.johansen_lags.value_or(1);
  options.analysis.cointegration = settings;
}

}  // namespace hedgecalc
