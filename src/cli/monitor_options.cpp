// Monitoring: where the history ends and which sequential test watches the returns
// after it (the monitor command, and batch --monitor).

#include <string>

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"
#include "hedgecalc/timestamp.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {
constexpr const char* kGroup = "Monitoring";

bool any_monitor_option(const SingleOptions& options) {
  return options.history_to || options.history || options.monitor_process || options.bandwidth ||
         options.alpha || options.period;
}

Timestamp history_end(const std::string& text) {
  const auto date = parse_timestamp(text);
  if (!date) throw UsageError("--history-to " + text + ": expected a date such as 2024-06-30");
  return date->time;
}

// Why strucchange's table has no critical value for these settings, naming the values it has.
std::string missing_critical_value(const MonitorSettings& s, size_t coefficients) {
  const std::string process = monitor_process_name(s.process);
  if (s.bandwidth != 0.25 && s.bandwidth != 0.5 && s.bandwidth != 1) {
    return "--bandwidth " + significant_decimal(s.bandwidth, 6) + ": " + process +
           " has critical values for a bandwidth of 0.25, 0.5 or 1";
  }
  if (s.period != 2 && s.period != 4 && s.period != 6 && s.period != 8 && s.period != 10) {
    return "--period " + significant_decimal(s.period, 6) + ": " + process +
           " has critical values for a period of 2, 4, 6, 8 or 10";
  }
  if (s.process == MonitorProcess::kMe) {
    const std::string k = std::to_string(coefficients);
    return "--alpha " + significant_decimal(s.alpha, 6) + ": me tests each of its " + k +
           " coefficients at alpha / " + k + ", which must lie in 0.001-0.05 (alpha " +
           significant_decimal(0.001 * static_cast<double>(coefficients), 6) + " to " +
           significant_decimal(0.05 * static_cast<double>(coefficients), 6) + " here)";
  }
  return "--alpha " + significant_decimal(s.alpha, 6) + ": ols-mosum has critical values for alpha 0.001-0.05";
}

}  // namespace

void add_monitor_options(CLI::App& app, SingleOptions& options) {
  app.add_option("--history-to", options.history_to,
                 "The history (where the hedge is estimated) ends at DATE; the returns after it "
                 "are monitored")
      ->type_name("DATE")
      ->group(kGroup);
  app.add_option("--history", options.history, "The history is the first N returns")
      ->check(whole_number(1, size_t{1} << 40))
      ->type_name("N")
      ->group(kGroup);
  add_choice<MonitorProcess>(app, "--process", options.monitor_process,
                             {{"ols-cusum", MonitorProcess::kOlsCusum},
                              {"ols-mosum", MonitorProcess::kOlsMosum},
                              {"me", MonitorProcess::kMe}},
                             "ols-cusum (default; residuals' level), ols-mosum, or me (moving "
                             "estimates of the ratio)")
      ->group(kGroup);
  app.add_option("--bandwidth", options.bandwidth,
                 "ols-mosum and me: the moving window as a share of the history: 0.25, 0.5 or 1 "
                 "(default 1)")
      ->check(positive_number())
      ->type_name("H")
      ->group(kGroup);
  app.add_option("--alpha", options.alpha,
                 "Chance of a false alarm over the whole monitoring period (default 0.05)")
      ->check(open_unit_interval())
      ->type_name("A")
      ->group(kGroup);
  app.add_option("--period", options.period,
                 "The horizon, in lengths of the history, over which the size holds: 2, 4, 6, "
                 "8 or 10 (default 10)")
      ->check(open_interval(1, 1e9))
      ->type_name("P")
      ->group(kGroup);
}

void validate_monitor(SingleOptions& options, size_t proxies) {
  if (!options.monitor) {
    if (any_monitor_option(options)) {
      throw UsageError("--history-to, --history, --process, --bandwidth, --alpha and --period "
                       "belong to `hedgecalc monitor` (and batch --monitor)");
    }
    return;
  }
  if (!options.history_to == !options.history) {
    throw UsageError(options.history ? "give the end of the history once: --history-to or --history"
                                     : "monitoring needs the end of the history: --history-to DATE "
                                       "or --history N");
  }
  if (!options.analysis.hedge.intercept) {
    throw UsageError("--no-intercept: monitoring tests the regression with its intercept (as "
                     "strucchange's processes are defined); leave it out");
  }
  MonitorOptions monitor;
  MonitorSettings& s = monitor.settings;
  s.process = options.monitor_process.value_or(MonitorProcess::kOlsCusum);
  s.bandwidth = options.bandwidth.value_or(1.0);
  s.alpha = options.alpha.value_or(0.05);
  s.period = options.period.value_or(10.0);
  if (options.history_to) monitor.history_to = history_end(*options.history_to);
  monitor.history_n = options.history;
  if (!monitor_critical_value(s, proxies + 1)) throw UsageError(missing_critical_value(s, proxies + 1));
  options.analysis.monitor = monitor;
}

}  // namespace hedgecalc
