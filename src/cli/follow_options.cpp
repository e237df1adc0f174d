// Following: `monitor --follow` reads rows as they are appended or piped in and prints
// one event per new return; --alarms-only keeps the crossings. What a live stream
// cannot do (a record summed up at the end, resampling that waits for a period's end,
// counting --horizon back from a last row not yet come) is refused here, by name.

#include <string>
#include <utility>
#include <vector>

#include "command_options.hpp"
#include "hedgecalc/error.hpp"

namespace hedgecalc {

namespace {
constexpr const char* kGroup = "Monitoring";

// The options a follow cannot honour, each with why.
std::vector<std::pair<bool, std::string>> unfollowable(const SingleOptions& o) {
  const AnalysisOptions& a = o.analysis;
  return {
      {!o.output.empty(), "--output: a follow never ends in a finished file; redirect it (> FILE)"},
      {!o.plot.empty(), "--plot: a follow prints events, not a chart"},
      {o.frequency != Frequency::kAsIs,
       "--frequency: a period's last price is known only when the next period starts"},
      {a.horizon > 1, "--horizon: K-period returns are counted back from a last row still to come"},
      {!a.horizons.empty(), "--horizons belongs to the one-shot record"},
      {a.asof, "--align asof: a follow joins on exact timestamps (--align inner)"},
      {a.stability.has_value(), "--stability belongs to the one-shot record"},
      {a.rebalance > 0, "--rebalance (a backtest) belongs to the one-shot record"},
      {a.risk_level.has_value(), "--risk belongs to the one-shot record"},
      {a.dimson_lags.has_value(), "--estimators belongs to the one-shot record"},
      {a.accounting, "--accounting belongs to the one-shot record"},
      {a.cointegration.has_value(), "--cointegration belongs to the one-shot record"},
      {a.dcc, "--dcc belongs to the one-shot record"},
      {a.costs.carry.has_value() || o.carry_series.has_value() || a.costs.periods_per_year ||
           a.costs.periods_per_year_auto,
       "--carry, --carry-series and --periods-per-year belong to the one-shot record"},
      {o.thresholds.min_correlation || o.thresholds.min_effectiveness || o.thresholds.max_break_p ||
           o.thresholds.max_coint_p,
       "--min-correlation, --min-effectiveness and --max-break-p judge the one-shot record; a "
       "follow's alarm is the monitor's"},
  };
}

}  // namespace

void add_follow_options(CLI::App& app, SingleOptions& options) {
  app.add_flag("--follow", options.follow,
               "Keep reading rows appended to the files (or piped in) and print an event per "
               "new return as it comes (csv, tsv or ndjson); ends on end of a pipe, SIGINT or "
               "SIGTERM")
      ->group(kGroup);
  app.add_flag("--alarms-only", options.alarms_only, "With --follow: print only the events that cross")
      ->group(kGroup);
  // A follow prints csv unless told otherwise: it must know whether table was asked for.
  if (CLI::Option* format = app.get_option_no_throw("--format")) {
    format->each([&options](const std::string&) { options.format_given = true; });
  }
}

void validate_follow(SingleOptions& options) {
  if (!options.follow) {
    if (options.alarms_only) throw UsageError("--alarms-only filters the events of --follow: add --follow");
    return;
  }
  if (options.format == OutputFormat::kJson ||
      (options.format == OutputFormat::kTable && options.format_given)) {
    throw UsageError(std::string("--format ") +
                     (options.format == OutputFormat::kJson ? "json" : "table") +
                     ": --follow prints one event per line as it comes: csv (its default), tsv or "
                     "ndjson");
  }
  if (options.format == OutputFormat::kTable) options.format = OutputFormat::kCsv;
  for (const auto& [given, why] : unfollowable(options)) {
    if (given) throw UsageError("--follow: " + why);
  }
  options.per_date = true;
}

}  // namespace hedgecalc
