// The analysis options as a whole: every family bound, and every family's rules
// applied in one place.

#include "command_options.hpp"

#include "option_checks.hpp"

namespace hedgecalc {

void add_jobs_option(CLI::App& app, SingleOptions& options) {
  app.add_option("--jobs", options.jobs, "Worker threads (default: all cores)")
      ->check(whole_number(1, 1024))
      ->type_name("N")
      ->group("Output");
}

void add_analysis_options(CLI::App& app, SingleOptions& options) {
  add_output_options(app, options);
  add_jobs_option(app, options);
  add_analysis_output_options(app, options);
  add_reading_options(app, options);
  add_return_options(app, options);
  add_alignment_options(app, options);
  add_estimator_options(app, options);
  add_stability_options(app, options);
  add_risk_options(app, options);
  add_cointegration_options(app, options);
  add_cost_options(app, options);
}

void validate_single(SingleOptions& options, size_t proxies, bool positions_from_pairs) {
  validate_input(options);
  validate_alignment(options);
  validate_estimators(options, proxies);
  validate_stability(options);
  validate_risk(options, proxies);
  validate_cointegration(options, proxies);
  validate_costs(options, proxies, positions_from_pairs);
  validate_output(options);
  validate_monitor(options, proxies);
  validate_follow(options);
}

}  // namespace hedgecalc
