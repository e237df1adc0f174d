// Stability and monitoring: the break tests, and the thresholds that make the exit
// code an alarm.

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"
#include "hedgecalc/timestamp.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {
constexpr const char* kGroup = "Stability and monitoring";
}  // namespace

void add_stability_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--stability", options.stability,
               "Has the relationship changed? sup-F break search (p-value, date, ratio before "
               "and after), OLS-CUSUM; correlation_change_p is descriptive, the break being "
               "searched for")
      ->group(kGroup);
  app.add_option("--trim", options.trim,
                 "Share of returns kept off either end of the break search (default 0.15)")
      ->check(open_interval(0, 0.5))  // 0.5 would leave no date to search
      ->type_name("SHARE")
      ->group(kGroup);
  app.add_option("--break-at", options.break_at,
                 "With --stability: also the Chow test of a break at DATE")
      ->type_name("DATE")
      ->group(kGroup);
  app.add_option("--max-break-p", options.thresholds.max_break_p,
                 "Exit 3 when the sup-F break test's p-value is below P (needs --stability)")
      ->check(open_unit_interval())
      ->type_name("P")
      ->group(kGroup);
  app.add_option("--min-correlation", options.thresholds.min_correlation,
                 "Exit 3 when the latest correlation is below X")
      ->check(finite_number())
      ->type_name("X")
      ->group(kGroup);
  app.add_option("--min-effectiveness", options.thresholds.min_effectiveness,
                 "Exit 3 when the latest effectiveness is below X")
      ->check(finite_number())
      ->type_name("X")
      ->group(kGroup);
}

void validate_stability(SingleOptions& options) {
  if (!options.stability) {
    if (options.trim || options.break_at || options.thresholds.max_break_p) {
      throw UsageError("--trim, --break-at and --max-break-p need --stability");
    }
    return;
  }
  StabilityOptions stability;
  if (options.trim) stability.trim = *options.trim;
  if (options.break_at) {
    const auto date = parse_timestamp(*options.break_at);
    if (!date) {
      throw UsageError("--break-at " + *options.break_at + ": expected a date such as 2024-03-15");
    }
    stability.break_at = date->time;
  }
  options.analysis.stability = stability;
}

}  // namespace hedgecalc
