// Trades and costs: sizing the hedge of a position, the trade that reaches it, what a
// backtest's trading and carry cost, and how many returns make a year.

#include "cost_options.hpp"

#include "command_options.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/series_spec.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {

constexpr const char* kGroup = "Trades and costs";

void add_sizing_options(CLI::App& app, SizingOptions& sizing) {
  app.add_option("--exposure", sizing.exposure,
                 "Value of the target position (units for --returns diff): adds sizing")
      ->check(finite_number())
      ->type_name("X")
      ->group(kGroup);
  add_list_option(app, "--proxy-price", sizing.proxy_prices, positive_number(),
                  "Proxy price for sizing (default: last aligned); one, or one per proxy")
      ->type_name("P[,P...]")
      ->group(kGroup);
  add_list_option(app, "--contract-size", sizing.contract_sizes, positive_number(),
                  "Proxy units per contract (default 1); one, or one per proxy")
      ->type_name("M[,M...]")
      ->group(kGroup);
}

// --periods-per-year N|auto.
void set_periods_per_year(const std::string& text, CostOptions& costs) {
  if (text == "auto") {
    costs.periods_per_year_auto = true;
    return;
  }
  const Cell n = parse_cell(text);
  if (n.kind != CellKind::kNumber || !(n.value > 0)) {
    throw UsageError("--periods-per-year " + text +
                     ": expected a number > 0 (252, 365, 12, ...) or auto");
  }
  costs.periods_per_year = n.value;
}

void add_backtest_cost_options(CLI::App& app, SingleOptions& options) {
  CostOptions& costs = options.analysis.costs;
  app.add_option("--cost-bps", costs.cost_bps,
                 "Backtest: fee in basis points of each change of the ratio (needs --rebalance)")
      ->check(non_negative_number())
      ->type_name("C")
      ->group(kGroup);
  app.add_option("--carry", costs.carry,
                 "Backtest: yearly carry rate of the proxy leg (funding or borrow), charged "
                 "h x RATE / periods per year every period")
      ->check(finite_number())
      ->type_name("RATE")
      ->group(kGroup);
  app.add_option("--carry-series", options.carry_series,
                 "Backtest: FILE[:COLUMN] of per-period carry rates, each return taking the "
                 "latest rate at or before it")
      ->type_name("FILE[:COLUMN]")
      ->group(kGroup);
  app.add_option("--rebalance-band", costs.rebalance_band,
                 "Backtest: re-estimate every K returns but trade only when the ratio moved "
                 "by more than B x the one held")
      ->check(non_negative_number())
      ->type_name("B")
      ->group(kGroup);
  app.add_option_function<std::string>(
         "--periods-per-year", [&costs](const std::string& text) { set_periods_per_year(text, costs); },
         "N, or auto from the dates (12, 52, 252 or 365, intraday times bars a day): adds "
         "annualised volatilities; spreads --carry")
      ->type_name("N|{auto,252,365,52,12}")
      ->group(kGroup);
}

// One value, or one per proxy.
void check_per_proxy(const std::vector<double>& values, const char* option, size_t proxies) {
  if (values.size() > 1 && values.size() != proxies) {
    throw UsageError(std::string(option) + " takes one value, or one per proxy (" +
                     std::to_string(proxies) + ")");
  }
}

}  // namespace

void add_cost_options(CLI::App& app, SingleOptions& options) {
  add_sizing_options(app, options.analysis.sizing);
  app.add_option("--position", options.analysis.position,
                 "Proxy units held now (negative: short); with --exposure adds the trade that "
                 "reaches the target hedge")
      ->check(finite_number())
      ->type_name("Q")
      ->group(kGroup);
  app.add_option("--band", options.analysis.band,
                 "With --position: hold while the position is within B x the target of it "
                 "(0.05: 5%)")
      ->check(non_negative_number())
      ->type_name("B")
      ->group(kGroup);
  add_backtest_cost_options(app, options);
}

PriceSeries load_carry_series(const std::string& argument, FileSystem& files, const CsvOptions& csv) {
  const SeriesSpec spec = parse_series_spec(argument, files);
  const CsvOptions own = series_csv_options(csv, spec.reading, argument);
  const FileContents contents = files.read(spec.path);
  return parse_unchanged(contents, spec.path, [&](std::string_view bytes) {
    return load_series(bytes, spec.path, spec.column, own);
  });
}

void validate_costs(SingleOptions& options, size_t proxies, bool positions_from_pairs) {
  AnalysisOptions& analysis = options.analysis;
  const SizingOptions& sizing = analysis.sizing;
  if (!sizing.exposure && (!sizing.proxy_prices.empty() || !sizing.contract_sizes.empty())) {
    throw UsageError("--proxy-price and --contract-size size a hedge: add --exposure X");
  }
  check_per_proxy(sizing.proxy_prices, "--proxy-price", proxies);
  check_per_proxy(sizing.contract_sizes, "--contract-size", proxies);
  if (sizing.exposure && sizing.proxy_prices.empty() && given_as_values(analysis.kind)) {
    throw UsageError(std::string("with --returns ") + return_kind_name(analysis.kind) +
                     " the files hold no prices: give --proxy-price");
  }
  if (analysis.position && !sizing.exposure) {
    throw UsageError("--position needs the target hedge to compare with: add --exposure X");
  }
  if (analysis.position && proxies > 1) throw UsageError("--position takes one proxy, not a basket");
  if (analysis.band && !analysis.position && !positions_from_pairs) {
    throw UsageError("--band says when a trade is too small to make: add --position Q");
  }
  const CostOptions& costs = analysis.costs;
  const bool backtest_costs =
      costs.cost_bps || costs.carry || options.carry_series || costs.rebalance_band;
  if (backtest_costs && analysis.rebalance == 0) {
    throw UsageError("--cost-bps, --carry, --carry-series and --rebalance-band charge a "
                     "backtest's trades: add --rebalance K");
  }
  if (costs.carry && options.carry_series) {
    throw UsageError("give --carry RATE or --carry-series FILE, not both");
  }
}

}  // namespace hedgecalc
