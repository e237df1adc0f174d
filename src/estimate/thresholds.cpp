#include "hedgecalc/thresholds.hpp"

#include <cmath>

#include "hedgecalc/setting.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

void check(const char* what, double value, const std::optional<double>& minimum,
           const std::string& which, std::vector<std::string>& messages) {
  if (!minimum || value >= *minimum) return;
  const std::string shown = std::isnan(value) ? "undefined" : significant_decimal(value, 4);
  messages.push_back(which + " " + what + " " + shown + " is below the minimum " +
                     significant_decimal(*minimum, 4));
}

}  // namespace

std::vector<std::string> unmet_thresholds(const Analysis& analysis, const Thresholds& thresholds) {
  std::vector<std::string> messages;
  const bool rolling = analysis.rolling.has_value();
  const std::string which =
      rolling ? "latest rolling (window " + analysis.window.text + ")" : "full-sample";
  const double correlation =
      rolling ? analysis.rolling->correlation.back() : analysis.full.correlation;
  const double effectiveness =
      rolling ? analysis.rolling->effectiveness.back() : analysis.full.effectiveness;
  check("correlation", correlation, thresholds.min_correlation, which, messages);
  check("effectiveness", effectiveness, thresholds.min_effectiveness, which, messages);
  if (thresholds.max_break_p && analysis.stability &&
      !(analysis.stability->supf_p >= *thresholds.max_break_p)) {
    messages.push_back(
        "the sup-F break test gives p = " + significant_decimal(analysis.stability->supf_p, 4) +
        ", below " + flag_for(Setting::kMaxBreakP) + " " +
        significant_decimal(*thresholds.max_break_p, 4) + " (a break on " +
        format_timestamp(analysis.stability->break_date, analysis.full.date_only) + ")");
  }
  if (thresholds.max_coint_p && analysis.cointegration &&
      !(analysis.cointegration->p_value <= *thresholds.max_coint_p)) {
    const double p = analysis.cointegration->p_value;
    messages.push_back("the Engle-Granger test gives p = " +
                       (std::isnan(p) ? std::string("undefined") : significant_decimal(p, 4)) + ", above " +
                       flag_for(Setting::kMaxCointP) + " " + significant_decimal(*thresholds.max_coint_p, 4) +
                       ": no evidence that the levels are cointegrated");
  }
  if (analysis.accounting && !analysis.accounting->pass()) {
    const AccountingTests& a = *analysis.accounting;
    std::string failed;
    if (!a.regression_pass) {
      failed = "the regression test (slope " + significant_decimal(a.regression_slope, 4) +
               ", R^2 " + significant_decimal(a.regression_r_squared, 4) + ")";
    }
    if (!a.dollar_offset_pass) {
      failed += std::string(failed.empty() ? "" : " and ") + "the dollar-offset test (" +
                significant_decimal(a.dollar_offset, 4) + ")";
    }
    messages.push_back("hedge accounting: " + failed + " failed");
  }
  if (analysis.monitor && analysis.monitor->alarm_index) {
    const Monitoring& m = *analysis.monitor;
    messages.push_back(std::string("the monitor (") + monitor_process_name(m.settings.process) +
                       ") raised an alarm on " + format_timestamp(*m.alarm_date, analysis.full.date_only) +
                       ", return " + std::to_string(*m.alarm_index) + " counted from the history's first");
  }
  return messages;
}

}  // namespace hedgecalc
