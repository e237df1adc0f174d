#include "hedgecalc/estimator_options.hpp"

#include "hedgecalc/error.hpp"

namespace hedgecalc {

void add_estimator_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--estimators", options.estimators,
               "The ratio by other estimators beside OLS: Huber, LAD, up- and down-market, "
               "Dimson (one proxy)");
  app.add_option("--dimson-lags", options.dimson_lags,
                 "Leads and lags K of the Dimson beta (default 1)")
      ->check(CLI::Range(size_t{0}, size_t{1000}));
}

void apply_estimator_options(const SingleOptions& options, AnalysisOptions& analysis) {
  if (options.dimson_lags && !options.estimators) {
    throw UsageError("--dimson-lags sets the Dimson beta of --estimators: add --estimators");
  }
  if (options.estimators) analysis.dimson_lags = options.dimson_lags.value_or(1);
}

}  // namespace hedgecalc
