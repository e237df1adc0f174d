#include "hedgecalc/stability_options.hpp"

#include <cmath>

#include "hedgecalc/error.hpp"
#include "hedgecalc/number_format.hpp"
#include "hedgecalc/option_checks.hpp"
#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

void add_stability_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--stability", options.stability,
               "Has the relationship changed? sup-F break search (p-value, date, ratio before "
               "and after), OLS-CUSUM; correlation_change_p is descriptive, the break being "
               "searched for");
  app.add_option("--trim", options.trim,
                 "Share of returns kept off either end of the break search (default 0.15)")
      ->check(open_unit_interval());
  app.add_option("--break-at", options.break_at,
                 "With --stability: also the Chow test of a break at DATE");
  app.add_option("--max-break-p", options.max_break_p,
                 "Exit 3 when the sup-F break test's p-value is below P (needs --stability)")
      ->check(open_unit_interval());
}

std::optional<StabilityOptions> stability_options_from(const SingleOptions& options) {
  const bool settings =
      !std::isnan(options.trim) || !options.break_at.empty() || !std::isnan(options.max_break_p);
  if (!options.stability) {
    if (settings) throw UsageError("--trim, --break-at and --max-break-p need --stability");
    return std::nullopt;
  }
  StabilityOptions stability;
  if (!std::isnan(options.trim)) {
    if (!(options.trim < 0.5)) {
      throw UsageError("--trim " + format_number(options.trim) +
                       ": expected a share below 0.5 (0.15 keeps 15% of the returns off each end)");
    }
    stability.trim = options.trim;
  }
  if (!options.break_at.empty()) {
    const auto date = parse_timestamp(options.break_at);
    if (!date) {
      throw UsageError("--break-at " + options.break_at + ": expected a date such as 2024-03-15");
    }
    stability.break_at = date->time;
  }
  return stability;
}

}  // namespace hedgecalc
