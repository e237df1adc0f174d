#include "hedgecalc/table_reporter.hpp"

#include <cmath>
#include <algorithm>
#include <string>
#include <vector>

#include "hedgecalc/number_format.hpp"
#include "hedgecalc/row_table.hpp"

namespace hedgecalc {
namespace {

constexpr int kLabelWidth = 16;
constexpr int kNumberWidth = 10;
// Out-of-sample effectiveness this far (in absolute terms) below the in-sample one is
// called out in words: ten points of variance reduction is a hedge that worked worse
// than the backtest suggested.
constexpr double kWellShortGap = 0.10;

bool defined(const Value* value) {
  return value != nullptr &&
         (value->type() == Value::Type::kNumber || value->type() == Value::Type::kInteger);
}

double number_of(const Value* value) {
  if (value == nullptr) return NAN;
  if (value->type() == Value::Type::kInteger) return static_cast<double>(value->integer_value());
  return value->type() == Value::Type::kNumber ? value->number_value() : NAN;
}

std::string text_of(const Value* value) {
  return value != nullptr && value->type() == Value::Type::kString ? value->string_value() : "";
}

std::string pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

// A label in its column, followed by at least one space however long it is.
std::string label_column(const std::string& label) {
  return label.empty() ? pad(label, kLabelWidth) : pad(label + ' ', kLabelWidth);
}

class Block {
 public:
  Block(std::ostream& out, int precision) : out_(out), precision_(precision) {}

  std::string number(const Value* value) const {
    return defined(value) ? format_significant(number_of(value), precision_) : "n/a";
  }

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

void write_sizing(Block& block, const Value& sizing) {
  const double exact = number_of(sizing.find("contracts_exact"));
  const double contracts = number_of(sizing.find("contracts"));
  const std::string action = exact >= 0 ? "short " : "buy ";
  block.wide("  sizing", action + format_fixed(std::fabs(contracts), 0) + " contracts (" +
                             format_fixed(std::fabs(exact), 2) + ") of proxy");
  block.wide("", "  " + format_fixed(number_of(sizing.find("units")), 2) + " units, notional " +
                     format_fixed(number_of(sizing.find("hedge_notional")), 2) +
                     " at proxy price " + format_number(number_of(sizing.find("proxy_price"))));
}

// "sell 12 contracts (11.8): the hedge is 9% short of the target", or why it holds.
void write_trade(Block& block, const Value& trade) {
  const std::string action = text_of(trade.find("action"));
  const double gap = number_of(trade.find("gap"));
  const std::string how_far =
      std::isnan(gap) ? "there is no hedge to aim at"
                      : "the hedge is " + format_fixed(std::fabs(100 * gap), 1) + "% " +
                            (gap >= 0 ? "short of" : "over") + " the target";
  if (action == "hold") {
    block.wide("  trade", "hold: " + how_far + ", within the " +
                              format_number(100 * number_of(trade.find("band"))) + "% band");
  } else {
    block.wide("  trade", action + " " + format_fixed(std::fabs(number_of(trade.find("trade_contracts"))), 0) +
                              " contracts (" +
                              format_fixed(std::fabs(number_of(trade.find("trade_contracts_exact"))), 2) +
                              "): " + how_far);
  }
  block.wide("", "  position " + block.number(trade.find("position")) + " units, target " +
                     block.number(trade.find("target_position")) + " units");
}

void write_estimate(Block& block, const Value& estimate, double confidence, bool by_units,
                    const std::string& se_note) {
  const Value* ratio = estimate.find("hedge_ratio");
  block.line("hedge ratio", block.number(ratio), ratio_in_words(number_of(ratio), by_units));
  const Value* t_stat = estimate.find("t_stat");
  block.line("  std error", block.number(estimate.find("std_error")),
             (defined(t_stat) ? "t = " + format_fixed(number_of(t_stat), 2) : "") + se_note);
  // As given (99.995, not 100): 15 digits drop only the noise of the product by 100.
  const std::string level = format_significant(confidence * 100, 15) + "% interval";
  block.line("  " + level, block.number(estimate.find("ci_low")),
             "to " + block.number(estimate.find("ci_high")));
  if (const Value* sizing = estimate.find("sizing")) write_sizing(block, *sizing);
  if (const Value* trade = estimate.find("trade")) write_trade(block, *trade);
}

std::string summary_in_words(const Block& block, const Value* summary) {
  if (summary == nullptr) return "";
  return "last " + block.number(summary->find("last")) + ", min " +
         block.number(summary->find("min")) + ", max " + block.number(summary->find("max")) +
         ", mean " + block.number(summary->find("mean"));
}

void write_rolling(Block& block, const Value& rolling) {
  const Value* sparklines = rolling.find("sparklines");
  const Value* window = rolling.find("window");
  // W returns, or the window as given ("30d", "expanding").
  const std::string size = defined(window) ? block.number(window) : text_of(window);
  block.wide("rolling " + size,
             "ratio " + summary_in_words(block, rolling.find("hedge_ratio")));
  if (sparklines != nullptr) block.wide("", text_of(sparklines->find("hedge_ratio")));
  block.wide("", "correlation " + summary_in_words(block, rolling.find("correlation")));
  if (sparklines != nullptr) block.wide("", text_of(sparklines->find("correlation")));
  block.wide("", "effectiveness " + summary_in_words(block, rolling.find("effectiveness")));
}

void write_backtest(Block& block, const Value& backtest, double in_sample_threshold_gap) {
  const double oos = number_of(backtest.find("effectiveness"));
  const double in_sample = number_of(backtest.find("effectiveness_in_sample"));
  block.line("backtest", block.number(backtest.find("effectiveness")),
             "out of sample over " + block.number(backtest.find("n")) +
                 " returns, re-estimated every " + block.number(backtest.find("rebalance")));
  block.line("", "", "1:1 hedge " + block.number(backtest.find("effectiveness_naive")) +
                         ", full-sample ratio " +
                         block.number(backtest.find("effectiveness_in_sample")));
  // Only when the backtest was asked to charge something.
  if (number_of(backtest.find("cost_trading")) != 0 || number_of(backtest.find("cost_carry")) != 0) {
    block.line("  net of cost", block.number(backtest.find("effectiveness_net")),
               "fees " + block.number(backtest.find("cost_trading")) + ", carry " +
                   block.number(backtest.find("cost_carry")) + " (sums of per-period returns)");
    block.line("", "", "turnover " + block.number(backtest.find("turnover")) + " in " +
                           block.number(backtest.find("trades")) + " trades; mean net return " +
                           block.number(backtest.find("mean_hedged_net")) + " per period");
  }
  if (oos < in_sample - in_sample_threshold_gap) {
    block.line("", "", "WARNING: out of sample the hedge removes " + format_fixed(100 * oos, 1) +
                           "% of the variance,");
    block.line("", "", "well short of the " + format_fixed(100 * in_sample, 1) +
                           "% the full-sample fit suggests");
  }
}

// --risk: a small table of unhedged, hedged and the cut, then the tests in words.
void write_risk(Block& block, const Value& risk) {
  const Value* unhedged = risk.find("unhedged");
  const Value* hedged = risk.find("hedged");
  const Value* cut = risk.find("reduction");
  const Value* backtest = risk.find("backtest_hedged");
  const std::string level = format_number(100 * number_of(risk.find("level"))) + "%";
  auto cell = [&](const Value* v) { return pad(block.number(v), 12); };
  auto percent = [](const Value* v) {
    const double x = number_of(v);
    return std::isnan(x) ? std::string() : format_fixed(100 * x, 1) + "%";
  };
  block.wide("risk", pad("unhedged", 12) + pad("hedged", 12) + pad("cut", 8) +
                         (backtest != nullptr ? "out of sample" : ""));
  const std::vector<std::pair<const char*, const char*>> rows = {
      {"vol", "vol"}, {"downside", "lpm2"}, {"VaR", "var"}, {"ES", "es"}, {"max drawdown", "max_drawdown"}};
  for (const auto& [label, key] : rows) {
    std::string name = std::string("  ") + label;
    if (key == std::string("var") || key == std::string("es")) name += " " + level;
    const std::string reduction_key = key == std::string("vol") ? "variance" : key;
    block.wide(name, cell(unhedged->find(key)) + cell(hedged->find(key)) +
                         pad(percent(cut->find(reduction_key)), 8) +
                         (backtest != nullptr ? block.number(backtest->find(key)) : ""));
  }
  block.wide("", "(the cut of vol is that of the variance; downside is the semivariance below 0)");
  const double pm_p = number_of(risk.find("pitman_morgan_p"));
  block.wide("", "Pitman-Morgan t = " + block.number(risk.find("pitman_morgan_t")) + " (p = " +
                     format_significant(pm_p, 2) + "): the variance cut is " +
                     (pm_p < 0.05 ? "significant" : "not significant") + " at 5%");
  block.wide("", "Brown-Forsythe W = " + block.number(risk.find("brown_forsythe_w")) +
                     " (p = " + format_significant(number_of(risk.find("brown_forsythe_p")), 2) + ")");
}

// --accounting: a verdict first, then the numbers that decided it.
void write_accounting(Block& block, const Value& accounting) {
  const auto passed = [&](const char* key) {
    const Value* v = accounting.find(key);
    return v != nullptr && v->boolean_value();
  };
  const bool regression = passed("regression_pass"), offset = passed("dollar_offset_pass");
  block.wide("accounting", regression && offset
                               ? "PASS: the hedge qualifies under both tests"
                               : std::string("FAIL: ") +
                                     (!regression && !offset ? "both tests fail"
                                      : !regression          ? "the regression test fails"
                                                             : "the dollar-offset test fails"));
  block.wide("", std::string(regression ? "pass" : "FAIL") + "  regression: slope " +
                     block.number(accounting.find("regression_slope")) + " (needs -1.25 to -0.8), R^2 " +
                     block.number(accounting.find("regression_r_squared")) + " (>= 0.8), p " +
                     format_significant(number_of(accounting.find("regression_p")), 2) + " (< 0.05)");
  block.wide("", std::string(offset ? "pass" : "FAIL") + "  dollar offset " +
                     block.number(accounting.find("dollar_offset")) +
                     " (needs 0.8 to 1.25 in size); " +
                     block.number(accounting.find("periods_in_range")) + " of " +
                     block.number(accounting.find("periods")) + " periods in range one by one");
}

long long count_of(const Value* value, size_t item) {
  if (value == nullptr) return 0;
  if (value->type() == Value::Type::kArray) {
    return item < value->items().size() ? value->items()[item].integer_value() : 0;
  }
  return value->integer_value();
}

// "target: 760 rows, 41 without a proxy price; proxy: 757 rows, 38 unmatched": what
// the join dropped, so that no row is lost without a word.
std::string alignment_in_words(const Value& alignment, size_t proxies) {
  auto side = [&](const std::string& name, const char* prefix, size_t item, const char* lost) {
    const std::string key(prefix);
    const long long rows = count_of(alignment.find(key + "_rows"), item);
    const long long missing = count_of(alignment.find(key + "_missing"), item);
    const long long unmatched = count_of(alignment.find(key + "_unmatched"), item);
    std::string text = name + ": " + std::to_string(rows) + " rows";
    if (missing > 0) text += " (+" + std::to_string(missing) + " missing)";
    return text + ", " + std::to_string(unmatched) + " " + lost;
  };
  std::string text = side("target", "target", 0, proxies > 1 ? "without every proxy price"
                                                             : "without a proxy price");
  for (size_t k = 0; k < proxies; ++k) {
    text += "; " + side(proxies > 1 ? "proxy " + std::to_string(k + 1) : "proxy", "proxy", k,
                        "unmatched");
  }
  return text;
}

// The sentence a person reads first, then the figures behind it.
void write_stability(Block& block, const Value& stability, bool basket) {
  const double p = number_of(stability.find("supf_p"));
  const std::string date = text_of(stability.find("break_date"));
  auto before_after = [&](const char* what, const std::string& field) {
    return std::string(what) + " " + block.number(stability.find(field + "_before")) +
           " before, " + block.number(stability.find(field + "_after")) + " after";
  };
  const std::string change =
      basket ? before_after("effectiveness", "effectiveness") : before_after("ratio", "hedge_ratio");
  const std::string p_text = format_significant(p, 2);
  if (p < 0.05) {
    block.wide("stability", "the relationship changed on " + date + " (p = " + p_text + "): " + change);
  } else {
    block.wide("stability", "no significant break (p = " + p_text + "); the largest change, on " +
                                date + ": " + change);
  }
  block.wide("", "sup-F " + block.number(stability.find("supf")) + " with " +
                     block.number(stability.find("n_before")) + " returns before and " +
                     block.number(stability.find("n_after")) + " after (the date is estimated)");
  if (!basket) {
    block.wide("", before_after("correlation", "correlation") + " (Fisher z p = " +
                       format_significant(number_of(stability.find("correlation_change_p")), 2) +
                       ", descriptive)");
  }
  block.wide("", before_after("effectiveness", "effectiveness"));
  block.wide("", "OLS-CUSUM " + block.number(stability.find("cusum")) + " (p = " +
                     format_significant(number_of(stability.find("cusum_p")), 2) + ")");
  if (const Value* at = stability.find("break_at")) {
    block.wide("", "Chow test at " + text_of(at) + ": F " + block.number(stability.find("chow_f")) +
                       " (p = " + format_significant(number_of(stability.find("chow_p")), 2) + ")");
  }
}

}  // namespace

void TableReporter::write_rows(const std::vector<Value>& rows) {
  RowTable table(out_, precision_);
  for (const Value& row : rows) table.measure(row);
  for (const Value& row : rows) table.print(row);
}

void TableReporter::write(const Value& record) {
  if (!first_) out_ << '\n';
  first_ = false;
  Block block(out_, precision_);
  const Value* proxies = record.find("proxies");
  const bool basket = proxies != nullptr;
  const std::string returns = text_of(record.find("returns"));
  const bool by_units = returns == "diff";

  out_ << "Hedging " << text_of(record.find("target")) << " with "
       << (basket ? "a basket of " + std::to_string(proxies->items().size()) + " proxies"
                  : text_of(record.find("proxy")))
       << '\n';
  out_ << number_of(record.find("n")) << ' ' << returns << " returns from "
       << text_of(record.find("start")) << " to " << text_of(record.find("end")) << '\n';
  if (const Value* alignment = record.find("alignment")) {
    out_ << alignment_in_words(*alignment, basket ? proxies->items().size() : 1) << '\n';
  }
  out_ << '\n';

  const double confidence = number_of(record.find("confidence"));
  const std::string se_note =
      text_of(record.find("se")) == "hac"
          ? " (Newey-West, " + block.number(record.find("hac_lags")) + " lags)"
          : "";
  if (basket) {
    for (const Value& proxy : proxies->items()) {
      out_ << "  " << text_of(proxy.find("proxy")) << '\n';
      write_estimate(block, proxy, confidence, by_units, se_note);
    }
  } else {
    write_estimate(block, record, confidence, by_units, se_note);
  }
  block.line("intercept", block.number(record.find("intercept")), "per period");
  if (!basket) block.line("correlation", block.number(record.find("correlation")));
  block.line("R squared", block.number(record.find("r_squared")));
  const Value* effectiveness = record.find("effectiveness");
  block.line("effectiveness", block.number(effectiveness),
             defined(effectiveness)
                 ? "the hedge removes " + format_fixed(100 * number_of(effectiveness), 1) +
                       "% of the target's variance"
                 : "undefined: the target does not move");
  std::string vols = "target " + block.number(record.find("vol_target"));
  if (!basket) vols += ", proxy " + block.number(record.find("vol_proxy"));
  vols += ", hedged " + block.number(record.find("vol_hedged"));
  block.line("volatility", vols + " (per period)");
  if (const Value* periods = record.find("periods_per_year")) {
    std::string annual = "target " + block.number(record.find("vol_target_annual"));
    if (!basket) annual += ", proxy " + block.number(record.find("vol_proxy_annual"));
    annual += ", hedged " + block.number(record.find("vol_hedged_annual"));
    block.line("  annualised", annual + " (" + format_number(number_of(periods)) + " periods a year)");
  }
  if (const Value* condition = record.find("condition_number")) {
    block.line("condition no.", block.number(condition),
               "of the standardized proxies (above 30: collinear)");
  }
  if (const Value* rolling = record.find("rolling")) write_rolling(block, *rolling);
  if (const Value* ewma = record.find("ewma")) {
    // A setting prints as the user gave it, not rounded to --precision.
    block.wide("EWMA " + format_number(number_of(ewma->find("lambda"))),
               "ratio " + block.number(ewma->find("hedge_ratio")) + ", correlation " +
                   block.number(ewma->find("correlation")) + " at the last date");
  }
  if (const Value* kalman = record.find("kalman")) {
    block.wide("Kalman", "ratio " + block.number(kalman->find("hedge_ratio")) + " (std error " +
                             block.number(kalman->find("std_error")) + ") at the last date");
    const Value* estimated_value = kalman->find("estimated");
    const bool estimated = estimated_value != nullptr && estimated_value->boolean_value();
    block.wide("", std::string(estimated ? "estimated" : "fixed") + " variances: ratio " +
                       block.number(kalman->find("q_ratio")) + ", intercept " +
                       block.number(kalman->find("q_intercept")) + ", noise " +
                       block.number(kalman->find("r")) + "; log-likelihood " +
                       block.number(kalman->find("loglik")));
  }
  if (const Value* backtest = record.find("backtest")) {
    write_backtest(block, *backtest, kWellShortGap);
  }
  if (const Value* contest = record.find("compare")) {
    const bool net = !contest->items().empty() && contest->items().front().find("effectiveness_net");
    block.wide("compare", "out of sample from " + text_of(record.find("compare_start")) +
                              (net ? ", best first: net of cost, effectiveness, hedged vol, turnover"
                                   : ", best first: effectiveness, hedged vol, turnover"));
    block.wide("", "(static uses the full-sample ratio: in sample, a reference, not a rival)");
    size_t rank = 0;
    for (const Value& m : contest->items()) {
      std::string method = std::to_string(++rank) + ". " + text_of(m.find("method"));
      method.resize(std::max<size_t>(method.size() + 1, 16), ' ');
      block.wide("", method + (net ? pad(block.number(m.find("effectiveness_net")), 10) : "") +
                         pad(block.number(m.find("effectiveness")), 10) +
                         pad(block.number(m.find("vol_hedged")), 11) +
                         block.number(m.find("turnover")));
    }
  }
  if (const Value* stability = record.find("stability")) write_stability(block, *stability, basket);
  if (const Value* horizons = record.find("horizons")) {
    block.wide("horizons", pad("K", 7) + pad("n", 7) + pad("ratio", 10) + pad("std error", 11) +
                               pad("correlation", 13) + "effectiveness");
    for (const Value& h : horizons->items()) {
      block.wide("", pad(block.number(h.find("horizon")), 7) + pad(block.number(h.find("n")), 7) +
                         pad(block.number(h.find("hedge_ratio")), 10) +
                         pad(block.number(h.find("std_error")), 11) +
                         pad(block.number(h.find("correlation")), 13) +
                         block.number(h.find("effectiveness")));
    }
  }
  if (const Value* e = record.find("estimators")) {
    block.wide("estimators", "OLS " + block.number(e->find("ols")) + ", Huber " +
                                 block.number(e->find("huber")) + ", LAD " + block.number(e->find("lad")));
    block.wide("", "up-market " + block.number(e->find("up")) + ", down-market " +
                       block.number(e->find("down")) + ", Dimson (" +
                       block.number(e->find("dimson_lags")) + " lags) " + block.number(e->find("dimson")));
  }
  if (const Value* risk = record.find("risk")) write_risk(block, *risk);
  if (const Value* accounting = record.find("accounting")) write_accounting(block, *accounting);
}

}  // namespace hedgecalc
