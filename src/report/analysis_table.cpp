#include "hedgecalc/analysis_table.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "hedgecalc/analysis_record.hpp"
#include "number_format.hpp"
#include "sparkline.hpp"

namespace hedgecalc {
namespace {

constexpr int kLabelWidth = 16;
constexpr int kNumberWidth = 10;
// Out-of-sample effectiveness this far (in absolute terms) below the in-sample one is
// called out in words: ten points of variance reduction is a hedge that worked worse
// than the backtest suggested.
constexpr double kWellShortGap = 0.10;
// The rolling ratio's sparkline after the 18-column label: 78 columns.
constexpr size_t kSparklineWidth = 60;

// An undefined value (NaN or infinite: the record's null) as NaN.
double defined_or_nan(double x) { return std::isfinite(x) ? x : NAN; }

std::string pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

// A label in its column, followed by at least one space however long it is.
std::string label_column(const std::string& label) {
  return label.empty() ? pad(label, kLabelWidth) : pad(label + ' ', kLabelWidth);
}

std::string p_value(double p) { return format_significant(defined_or_nan(p), 2); }

// Lines of the block, and numbers at the table's precision.
class Block {
 public:
  Block(std::ostream& out, int precision) : out_(out), precision_(precision) {}

  std::string number(double value) const {
    return std::isfinite(value) ? format_significant(value, precision_) : "n/a";
  }
  std::string count(size_t value) const { return number(static_cast<double>(value)); }

  // A line whose text starts right after the label column (for long text).
  void wide(const std::string& label, const std::string& text) {
    out_ << "  " << label_column(label) << text << '\n';
  }

  void line(const std::string& label, const std::string& value, const std::string& note = "") {
    std::string text = "  " + label_column(label) + pad(value, kNumberWidth);
    if (!note.empty()) text += "  " + note;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out_ << text << '\n';
  }

  std::ostream& out() { return out_; }

 private:
  std::ostream& out_;
  int precision_;
};

std::string ratio_in_words(double ratio, bool by_units) {
  if (!std::isfinite(ratio)) return "";
  const std::string action = ratio >= 0 ? "short " : "buy ";
  const std::string amount = format_fixed(std::fabs(ratio), 2);
  return by_units ? action + amount + " units of proxy per unit of target"
                  : action + amount + " of proxy per 1 of target";
}

void write_sizing(Block& block, const Sizing& s) {
  const double exact = defined_or_nan(s.contracts_exact);
  const std::string action = exact >= 0 ? "short " : "buy ";
  block.wide("  sizing", action + format_fixed(std::fabs(defined_or_nan(s.contracts)), 0) +
                             " contracts (" + format_fixed(std::fabs(exact), 2) + ") of proxy");
  block.wide("", "  " + format_fixed(defined_or_nan(s.units), 2) + " units, notional " +
                     format_fixed(defined_or_nan(s.hedge_notional), 2) + " at proxy price " +
                     format_number(defined_or_nan(s.proxy_price)));
}

// "sell 12 contracts (11.8): the hedge is 9% short of the target", or why it holds.
void write_trade(Block& block, const Trade& t) {
  const double gap = defined_or_nan(t.gap);
  const std::string how_far =
      std::isnan(gap) ? "there is no hedge to aim at"
                      : "the hedge is " + format_fixed(std::fabs(100 * gap), 1) + "% " +
                            (gap >= 0 ? "short of" : "over") + " the target";
  if (t.action == "hold") {
    block.wide("  trade", "hold: " + how_far + ", within the " +
                              format_number(100 * defined_or_nan(t.band)) + "% band");
  } else if (t.trade_contracts == 0) {  // less than half a contract: none to trade whole
    block.wide("  trade", t.action + " " +
                              format_fixed(std::fabs(defined_or_nan(t.trade_contracts_exact)), 2) +
                              " of a contract (0 whole contracts): " + how_far);
  } else {
    block.wide("  trade", t.action + " " +
                              format_fixed(std::fabs(defined_or_nan(t.trade_contracts)), 0) +
                              " contracts (" +
                              format_fixed(std::fabs(defined_or_nan(t.trade_contracts_exact)), 2) +
                              "): " + how_far);
  }
  block.wide("", "  position " + block.number(t.position) + " units, target " +
                     block.number(t.target_position) + " units");
}

// The ratio, its error and interval, and for one proxy the sizing and trade.
void write_estimate(Block& block, const Analysis& analysis, size_t k) {
  const ProxyEstimate& e = analysis.full.proxies[k];
  const HedgeAnalysis& full = analysis.full;
  block.line("hedge ratio", block.number(e.hedge_ratio),
             ratio_in_words(defined_or_nan(e.hedge_ratio), in_price_units(analysis.kind)));
  const std::string se_note =
      full.hac ? " (Newey-West, " + block.number(static_cast<double>(full.hac_lags)) + " lags)" : "";
  block.line("  std error", block.number(e.std_error),
             (std::isfinite(e.t_stat) ? "t = " + format_fixed(e.t_stat, 2) : "") + se_note);
  // As given (99.995, not 100): 15 digits drop only the noise of the product by 100.
  const std::string level = format_significant(full.confidence * 100, 15) + "% interval";
  block.line("  " + level, block.number(e.ci_low), "to " + block.number(e.ci_high));
  if (analysis.sections.sizing) write_sizing(block, analysis.sizing[k]);
  if (analysis.sections.trade && !analysis.sections.basket()) write_trade(block, *analysis.trade);
}

// "target: 760 rows, 41 without a proxy price; proxy: 757 rows, 38 unmatched": what
// the join dropped, so that no row is lost without a word.
std::string alignment_in_words(const AlignmentCounts& counts, size_t proxies) {
  auto at = [](const std::vector<size_t>& values, size_t k) { return k < values.size() ? values[k] : 0; };
  auto side = [&](const std::string& name, size_t k, const char* lost) {
    std::string text = name + ": " + std::to_string(at(counts.rows, k)) + " rows";
    if (at(counts.missing, k) > 0) text += " (+" + std::to_string(at(counts.missing, k)) + " missing)";
    if (k < counts.first_row_is_data.size() && counts.first_row_is_data[k]) {
      text += " (no header: the first row is data)";
    }
    return text + ", " + std::to_string(at(counts.unmatched, k)) + " " + lost;
  };
  std::string text =
      side("target", 0, proxies > 1 ? "without every proxy price" : "without a proxy price");
  for (size_t k = 1; k <= proxies; ++k) {
    text += "; " + side(proxies > 1 ? "proxy " + std::to_string(k) : "proxy", k, "unmatched");
  }
  return text;
}

void write_heading(Block& block, const Analysis& analysis) {
  const HedgeAnalysis& full = analysis.full;
  const size_t proxies = analysis.sections.proxies;
  block.out() << "Hedging " << analysis.labels[0] << " with "
              << (proxies > 1 ? "a basket of " + std::to_string(proxies) + " proxies" : analysis.labels[1])
              << '\n';
  block.out() << static_cast<double>(full.n) << ' '
              << (analysis.kind == ReturnKind::kChanges
                      ? std::string("price changes")
                      : std::string(return_kind_name(analysis.kind)) + " returns")
              << " from " << format_timestamp(full.start, full.date_only) << " to "
              << format_timestamp(full.end, full.date_only) << '\n';
  block.out() << alignment_in_words(analysis.alignment, proxies) << "\n\n";
}

// Intercept, correlation, R squared, effectiveness and the volatilities.
void write_fit(Block& block, const Analysis& analysis) {
  const HedgeAnalysis& full = analysis.full;
  const AnalysisSections& sections = analysis.sections;
  const bool basket = sections.basket();
  block.line("intercept", block.number(full.intercept), "per period");
  if (!basket) block.line("correlation", block.number(full.correlation));
  block.line("R squared", block.number(full.r_squared));
  block.line("effectiveness", block.number(full.effectiveness),
             std::isfinite(full.effectiveness)
                 ? "the hedge removes " + format_fixed(100 * full.effectiveness, 1) +
                       "% of the target's variance"
                 : "undefined: the target does not move");
  std::string vols = "target " + block.number(full.vol_target);
  if (!basket) vols += ", proxy " + block.number(full.vol_proxy);
  vols += ", hedged " + block.number(full.vol_hedged);
  block.line("volatility", vols + " (per period)");
  if (sections.annual_vols) {
    const double ppy = analysis.periods_per_year.value_or(NAN);
    const double scale = annualising_factor(analysis);
    std::string annual = "target " + block.number(full.vol_target * scale);
    if (!basket) annual += ", proxy " + block.number(full.vol_proxy * scale);
    annual += ", hedged " + block.number(full.vol_hedged * scale);
    block.line("  annualised", annual + " (" + format_number(defined_or_nan(ppy)) + " periods a year)");
  }
  if (basket) {
    block.line("condition no.", block.number(full.condition_number),
               "of the standardized proxies (above 30: collinear)");
  }
}

std::string summary_in_words(const Block& block, const std::vector<double>& values) {
  const SeriesSummary s = summarize(values);
  return "last " + block.number(s.last) + ", min " + block.number(s.min) + ", max " +
         block.number(s.max) + ", mean " + block.number(s.mean);
}

void write_rolling(Block& block, const Analysis& analysis) {
  const RollingSeries& rolling = *analysis.rolling;
  const RollingWindow& window = analysis.window;
  // W returns, or the window as given ("30d", "expanding").
  const std::string size = window.count > 0 ? block.count(window.count) : window.text;
  block.wide("rolling " + size, "ratio " + summary_in_words(block, rolling.hedge_ratio));
  block.wide("", sparkline(rolling.hedge_ratio, kSparklineWidth));
  block.wide("", "correlation " + summary_in_words(block, rolling.correlation));
  block.wide("", sparkline(rolling.correlation, kSparklineWidth));
  block.wide("", "effectiveness " + summary_in_words(block, rolling.effectiveness));
}

void write_ewma(Block& block, const Analysis& analysis) {
  const EwmaSeries& ewma = *analysis.ewma;
  // A setting prints as the user gave it, not rounded to --precision.
  block.wide("EWMA " + format_number(analysis.ewma_lambda),
             "ratio " + block.number(ewma.hedge_ratio.back()) + ", correlation " +
                 block.number(ewma.correlation.back()) + " at the last date");
}

void write_kalman(Block& block, const KalmanSeries& k) {
  const bool any = !k.hedge_ratio.empty();
  block.wide("Kalman", "ratio " + block.number(any ? k.hedge_ratio.back() : NAN) + " (std error " +
                           block.number(any ? k.std_error.back() : NAN) + ") at the last date");
  block.wide("", std::string(k.estimated ? "estimated" : "fixed") + " variances: ratio " +
                     block.number(k.variances.q_ratio) + ", intercept " +
                     block.number(k.variances.q_intercept) + ", noise " +
                     block.number(k.variances.r) + "; log-likelihood " + block.number(k.loglik));
}

// --dcc: the forecast for the next period first, the path of the ratios, then the models.
void write_dcc(Block& block, const DccFit& fit) {
  const std::vector<double> dates(fit.hedge_ratio.begin(), fit.hedge_ratio.end() - 1);
  block.wide("DCC-GARCH", "ratio " + block.number(fit.hedge_ratio.back()) + ", correlation " +
                              block.number(fit.correlation.back()) + " for the next period");
  block.wide("", "conditional ratio " + summary_in_words(block, dates));
  block.wide("", sparkline(dates, kSparklineWidth));
  for (const auto& [name, model] : {std::pair{"target", &fit.target}, std::pair{"proxy", &fit.proxy}}) {
    const GarchParameters& p = model->parameters;
    block.wide("", std::string(name) + " GARCH: mu " + block.number(p.mu) + ", omega " +
                       block.number(p.omega) + ", alpha " + block.number(p.alpha) + ", beta " +
                       block.number(p.beta));
  }
  block.wide("", "correlation a " + block.number(fit.correlation_fit.parameters.a) + ", b " +
                     block.number(fit.correlation_fit.parameters.b) + "; log-likelihood " +
                     block.number(fit.loglik));
}

void write_backtest(Block& block, const Backtest& b) {
  const double oos = defined_or_nan(b.effectiveness);
  const double in_sample = defined_or_nan(b.effectiveness_in_sample);
  block.line("backtest", block.number(b.effectiveness),
             "out of sample over " + block.count(b.n) + " returns, re-estimated every " +
                 block.count(b.rebalance));
  block.line("", "", "1:1 hedge " + block.number(b.effectiveness_naive) + ", full-sample ratio " +
                         block.number(b.effectiveness_in_sample));
  // Only when the backtest was asked to charge something.
  if (defined_or_nan(b.cost_trading) != 0 || defined_or_nan(b.cost_carry) != 0) {
    block.line("  net of cost", block.number(b.effectiveness_net),
               "fees " + block.number(b.cost_trading) + ", carry " + block.number(b.cost_carry) +
                   " (sums of per-period returns)");
    block.line("", "", "turnover " + block.number(b.turnover) + " in " + block.count(b.trades) +
                           " trades; mean net return " + block.number(b.mean_hedged_net) +
                           " per period");
  }
  if (oos < in_sample - kWellShortGap) {
    block.line("", "", "WARNING: out of sample the hedge removes " + format_fixed(100 * oos, 1) +
                           "% of the variance,");
    block.line("", "", "well short of the " + format_fixed(100 * in_sample, 1) +
                           "% the full-sample fit suggests");
  }
}

void write_contest(Block& block, const Analysis& analysis) {
  const bool net = analysis.sections.compare_costs;
  block.wide("compare", "out of sample from " +
                            format_timestamp(analysis.returns.time[analysis.compare_first],
                                             analysis.full.date_only) +
                            (net ? ", best first: net of cost, effectiveness, hedged vol, turnover"
                                 : ", best first: effectiveness, hedged vol, turnover"));
  block.wide("", "(static uses the full-sample ratio: in sample, a reference, not a rival)");
  size_t rank = 0;
  for (const MethodResult& m : analysis.compare) {
    std::string method = std::to_string(++rank) + ". " + m.method;
    method.resize(std::max<size_t>(method.size() + 1, 16), ' ');
    block.wide("", method + (net ? pad(block.number(m.effectiveness_net), 10) : "") +
                       pad(block.number(m.effectiveness), 10) + pad(block.number(m.vol_hedged), 11) +
                       block.number(m.turnover));
  }
}

// The sentence a person reads first, then the figures behind it.
// A basket's headline is the effectiveness; below it, each proxy's ratio before and after.
void write_basket_ratios(Block& block, const Stability& s, const std::vector<std::string>& labels) {
  for (size_t k = 0; k < s.hedge_ratio_before.size(); ++k) {
    block.wide("", "ratio on " + labels[k + 1] + " " + block.number(s.hedge_ratio_before[k]) +
                       " before, " + block.number(s.hedge_ratio_after[k]) + " after");
  }
}

void write_stability(Block& block, const Stability& s, const std::vector<std::string>& labels,
                     bool basket, bool date_only) {
  auto before_after = [&](const char* what, double before, double after) {
    return std::string(what) + " " + block.number(before) + " before, " + block.number(after) +
           " after";
  };
  const std::string effectiveness =
      before_after("effectiveness", s.effectiveness_before, s.effectiveness_after);
  const std::string change =
      basket ? effectiveness
             : before_after("ratio", s.hedge_ratio_before.front(), s.hedge_ratio_after.front());
  const std::string date = format_timestamp(s.break_date, date_only);
  if (defined_or_nan(s.supf_p) < 0.05) {
    block.wide("stability", "the relationship changed on " + date + " (p = " + p_value(s.supf_p) +
                                "): " + change);
  } else {
    block.wide("stability", "no significant break (p = " + p_value(s.supf_p) +
                                "); the largest change, on " + date + ": " + change);
  }
  block.wide("", "sup-F " + block.number(s.supf) + " with " + block.count(s.n_before) +
                     " returns before and " + block.count(s.n_after) +
                     " after (the date is estimated)");
  if (basket) {
    write_basket_ratios(block, s, labels);
  } else {
    block.wide("", before_after("correlation", s.correlation_before, s.correlation_after) +
                       " (Fisher z p = " + p_value(s.correlation_change_p) + ", descriptive)");
    block.wide("", effectiveness);
  }
  block.wide("", "OLS-CUSUM " + block.number(s.cusum) + " (p = " + p_value(s.cusum_p) + ")");
  if (s.chow) {
    block.wide("", "Chow test at " + format_timestamp(s.chow->date, date_only) + ": F " +
                       block.number(s.chow->f) + " (p = " + p_value(s.chow->p) + ")");
  }
}

// The monitor in words: whether and when the hedge broke, then the test's numbers.
void write_monitor(Block& block, const Monitoring& m, const std::vector<std::string>& labels,
                   bool basket, bool date_only) {
  const auto date = [date_only](Timestamp t) { return format_timestamp(t, date_only); };
  if (m.alarm_index) {
    block.wide("monitor", "ALARM: the hedge broke on " + date(*m.alarm_date) + " (return " +
                              block.count(*m.alarm_index) + ", counting the history's first as 1)");
  } else if (m.monitored_n == 0) {
    block.wide("monitor", "no return after the history yet: nothing to test");
  } else {
    block.wide("monitor", "no alarm: the hedge holds through " + date(*m.monitored_to));
  }
  std::string test = std::string(monitor_process_name(m.settings.process)) + " at alpha " +
                     block.number(m.settings.alpha) + ", critical value " + block.number(m.critical_value);
  if (m.monitored_n > 0) {
    test += "; largest |process| " + block.number(m.statistic) +
            (m.alarm_index ? "" : ", every value within its boundary");
  }
  block.wide("", test);
  block.wide("", "history " + date(m.history_from) + " to " + date(m.history_to) + " (" +
                     block.count(m.history_n) + " returns), " + block.count(m.monitored_n) +
                     " returns monitored");
  for (size_t k = 0; k < m.history_hedge_ratios.size(); ++k) {
    block.wide("", std::string("ratio") + (basket ? " on " + labels[k + 1] : "") + " " +
                       block.number(m.history_hedge_ratios[k]) + " in the history, " +
                       block.number(m.hedge_ratios_since[k]) + " since");
  }
  if (m.horizon_passed) {
    block.wide("", "warning: past the horizon of " + block.number(m.settings.period) +
                       " times the history, where the test's size holds");
  }
}

void write_horizons(Block& block, const std::vector<HorizonFit>& horizons) {
  block.wide("horizons", pad("K", 7) + pad("n", 7) + pad("ratio", 10) + pad("std error", 11) +
                             pad("correlation", 13) + "effectiveness");
  for (const HorizonFit& h : horizons) {
    block.wide("", pad(block.count(h.horizon), 7) + pad(block.count(h.n), 7) +
                       pad(block.number(h.hedge_ratio), 10) + pad(block.number(h.std_error), 11) +
                       pad(block.number(h.correlation), 13) + block.number(h.effectiveness));
  }
}

void write_estimators(Block& block, const OtherBetas& e) {
  block.wide("estimators", "OLS " + block.number(e.ols) + ", Huber " + block.number(e.huber) +
                               ", LAD " + block.number(e.lad));
  block.wide("", "up-market " + block.number(e.up) + ", down-market " + block.number(e.down) +
                     ", Dimson (" + block.count(e.dimson_lags) + " lags) " + block.number(e.dimson));
}

// --risk: a small table of unhedged, hedged and the cut, then the tests in words.
void write_risk(Block& block, const RiskReport& r) {
  const std::string level = format_number(100 * defined_or_nan(r.level)) + "%";
  auto cell = [&](double v) { return pad(block.number(v), 12); };
  auto percent = [](double v) {
    return std::isfinite(v) ? format_fixed(100 * v, 1) + "%" : std::string();
  };
  const bool backtest = r.backtest_hedged.has_value();
  block.wide("risk", pad("unhedged", 12) + pad("hedged", 12) + pad("cut", 8) +
                         (backtest ? "out of sample" : ""));
  struct Row {
    const char* label;
    double RiskMeasures::*measure;
    double cut;
    bool at_level;
  };
  const Row rows[] = {{"vol", &RiskMeasures::vol, r.reduction_variance, false},
                      {"downside", &RiskMeasures::lpm2, r.reduction_lpm2, false},
                      {"VaR", &RiskMeasures::var, r.reduction_var, true},
                      {"ES", &RiskMeasures::es, r.reduction_es, true},
                      {"max drawdown", &RiskMeasures::max_drawdown, r.reduction_max_drawdown, false}};
  for (const Row& row : rows) {
    const std::string name = std::string("  ") + row.label + (row.at_level ? " " + level : "");
    block.wide(name, cell(r.unhedged.*row.measure) + cell(r.hedged.*row.measure) +
                         pad(percent(row.cut), 8) +
                         (backtest ? block.number((*r.backtest_hedged).*row.measure) : ""));
  }
  block.wide("", "(the cut of vol is that of the variance; downside is the semivariance below 0)");
  block.wide("", "Pitman-Morgan t = " + block.number(r.pitman_morgan_t) + " (p = " +
                     p_value(r.pitman_morgan_p) + "): the variance cut is " +
                     (defined_or_nan(r.pitman_morgan_p) < 0.05 ? "significant" : "not significant") +
                     " at 5%");
  block.wide("", "Brown-Forsythe W = " + block.number(r.brown_forsythe_w) + " (p = " +
                     p_value(r.brown_forsythe_p) + ")");
}

// --accounting: a verdict first, then the numbers that decided it.
void write_accounting(Block& block, const AccountingTests& a) {
  const bool regression = a.regression_pass, offset = a.dollar_offset_pass;
  block.wide("accounting", regression && offset
                               ? "PASS: the hedge qualifies under both tests"
                               : std::string("FAIL: ") +
                                     (!regression && !offset ? "both tests fail"
                                      : !regression          ? "the regression test fails"
                                                             : "the dollar-offset test fails"));
  block.wide("", std::string(regression ? "pass" : "FAIL") + "  regression: slope " +
                     block.number(a.regression_slope) + " (needs -1.25 to -0.8), R^2 " +
                     block.number(a.regression_r_squared) + " (>= 0.8), p " +
                     p_value(a.regression_p) + " (< 0.05)");
  block.wide("", std::string(offset ? "pass" : "FAIL") + "  dollar offset " +
                     block.number(a.dollar_offset) + " (needs -1.25 to -0.8); " +
                     block.count(a.periods_in_range) + " of " + block.count(a.periods) +
                     " periods in range one by one");
}

// --cointegration: a verdict at 5% first, then each test and the spread.
void write_cointegration(Block& block, const Cointegration& c) {
  const bool engle_granger = c.p_value < 0.05;
  const std::string johansen = std::isnan(c.trace[0]) ? "undefined" : block.count(c.rank);
  block.wide("cointegration", std::string(engle_granger ? "the levels are cointegrated at 5%"
                                                        : "no evidence of cointegration at 5%") +
                                  " (Engle-Granger p = " + p_value(c.p_value) + "; Johansen rank " +
                                  johansen + ")");
  block.wide("", "Engle-Granger tau " + block.number(c.adf_statistic) + " with " + block.count(c.adf_lags) +
                     " lags; critical 1% " + block.number(c.critical[0]) + ", 5% " +
                     block.number(c.critical[1]) + ", 10% " + block.number(c.critical[2]));
  block.wide("", "Johansen trace " + block.number(c.trace[0]) + " (95%: " + block.number(c.trace_critical_95[0]) +
                     "), " + block.number(c.trace[1]) + " (" + block.number(c.trace_critical_95[1]) +
                     "); max-eigen " + block.number(c.max_eigen[0]) + " (" +
                     block.number(c.max_eigen_critical_95[0]) + "), " + block.number(c.max_eigen[1]) + " (" +
                     block.number(c.max_eigen_critical_95[1]) + ")");
  block.wide("", "levels: target = " + block.number(c.level_intercept) + " + " + block.number(c.level_ratio) +
                     " proxy; spread last " + block.number(c.spread_last) + ", z " + block.number(c.spread_z) +
                     ", half-life " + block.number(c.half_life) + " periods");
  block.wide("", "error correction: hedge ratio " + block.number(c.ecm_hedge_ratio) + " (se " +
                     block.number(c.ecm_std_error) + "), gamma " + block.number(c.ecm_gamma));
}

// The estimates: one block per proxy of a basket, else the one estimate.
void write_estimates(Block& block, const Analysis& analysis) {
  if (!analysis.sections.basket()) {
    write_estimate(block, analysis, 0);
    return;
  }
  for (size_t k = 0; k < analysis.sections.proxies; ++k) {
    block.out() << "  " << analysis.labels[k + 1] << '\n';
    write_estimate(block, analysis, k);
  }
}

}  // namespace

void write_analysis_table(std::ostream& out, const Analysis& analysis, int precision) {
  const AnalysisSections& sections = analysis.sections;
  Block block(out, precision);
  write_heading(block, analysis);
  write_estimates(block, analysis);
  write_fit(block, analysis);
  if (sections.rolling) write_rolling(block, analysis);
  if (sections.ewma) write_ewma(block, analysis);
  if (sections.kalman) write_kalman(block, *analysis.kalman);
  if (sections.dcc) write_dcc(block, *analysis.dcc);
  if (sections.backtest) write_backtest(block, *analysis.backtest);
  if (sections.compare_rows > 0) write_contest(block, analysis);
  if (sections.stability) write_stability(block, *analysis.stability, analysis.labels, sections.basket(),
                    analysis.full.date_only);
  if (!sections.horizons.empty()) write_horizons(block, analysis.horizons);
  if (sections.estimators) write_estimators(block, *analysis.estimators);
  if (sections.risk) write_risk(block, *analysis.risk);
  if (sections.accounting) write_accounting(block, *analysis.accounting);
  if (sections.cointegration) write_cointegration(block, *analysis.cointegration);
  if (sections.monitor) {
    write_monitor(block, *analysis.monitor, analysis.labels, sections.basket(), analysis.full.date_only);
  }
}

}  // namespace hedgecalc
