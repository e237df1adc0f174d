#include "hedgecalc/cost_options.hpp"

#include <cmath>

#include "hedgecalc/error.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/number_format.hpp"
#include "hedgecalc/option_checks.hpp"
#include "hedgecalc/reading_options.hpp"
#include "hedgecalc/series_spec.hpp"

namespace hedgecalc {

void add_cost_options(CLI::App& app, SingleOptions& options) {
  app.add_option("--position", options.position,
                 "Proxy units held now (negative: short); with --exposure adds the trade that "
                 "reaches the target hedge")
      ->check(finite_number());
  app.add_option("--band", options.band,
                 "With --position: hold while the position is within B x the target of it "
                 "(0.05: 5%)")
      ->check(finite_number());
  app.add_option("--cost-bps", options.cost_bps,
                 "Backtest: fee in basis points of each change of the ratio (needs --rebalance)")
      ->check(finite_number());
  app.add_option("--carry", options.carry,
                 "Backtest: yearly carry rate of the proxy leg (funding or borrow), charged "
                 "h x RATE / periods per year every period")
      ->check(finite_number());
  app.add_option("--carry-series", options.carry_series,
                 "Backtest: FILE[:COLUMN] of per-period carry rates, each return taking the "
                 "latest rate at or before it");
  app.add_option("--rebalance-band", options.rebalance_band,
                 "Backtest: re-estimate every K returns but trade only when the ratio moved "
                 "by more than B x the one held")
      ->check(finite_number());
  app.add_option("--periods-per-year", options.periods_per_year,
                 "N, or auto from the dates (12, 52, 252 or 365, intraday times bars a day): "
                 "adds annualised volatilities; spreads --carry");
}

namespace {

double non_negative(double value, const char* option) {
  if (!(value >= 0)) {
    throw UsageError(std::string(option) + " " + format_number(value) + ": expected a number >= 0");
  }
  return value;
}

}  // namespace

PriceSeries load_carry_series(const std::string& argument, FileSystem& files, const CsvOptions& csv) {
  const SeriesSpec spec = parse_series_spec(argument, files);
  const CsvOptions own = series_csv_options(csv, spec.reading, argument);
  const FileContents contents = files.read(spec.path);
  return parse_unchanged(contents, spec.path, [&](std::string_view bytes) {
    return load_series(bytes, spec.path, spec.column, own);
  });
}

void apply_cost_options(const SingleOptions& options, AnalysisOptions& analysis) {
  if (!std::isnan(options.position)) {
    if (std::isnan(options.exposure)) {
      throw UsageError("--position needs the target hedge to compare with: add --exposure X");
    }
    analysis.position = options.position;
  }
  // Without --position, batch takes positions from PAIRS; analyse() checks there is one.
  if (!std::isnan(options.band)) analysis.band = non_negative(options.band, "--band");
  CostOptions& costs = analysis.costs;
  const bool backtest_costs = !std::isnan(options.cost_bps) || !std::isnan(options.carry) ||
                              !options.carry_series.empty() || !std::isnan(options.rebalance_band);
  if (backtest_costs && analysis.rebalance == 0) {
    throw UsageError("--cost-bps, --carry, --carry-series and --rebalance-band charge a "
                     "backtest's trades: add --rebalance K");
  }
  if (!std::isnan(options.cost_bps)) costs.cost_bps = non_negative(options.cost_bps, "--cost-bps");
  if (!std::isnan(options.rebalance_band)) {
    costs.rebalance_band = non_negative(options.rebalance_band, "--rebalance-band");
  }
  if (!std::isnan(options.carry) && !options.carry_series.empty()) {
    throw UsageError("give --carry RATE or --carry-series FILE, not both");
  }
  if (!std::isnan(options.carry)) costs.carry = options.carry;
  if (!options.periods_per_year.empty()) {
    if (options.periods_per_year == "auto") {
      costs.periods_per_year_auto = true;
    } else {
      const Cell n = parse_cell(options.periods_per_year);
      if (n.kind != CellKind::kNumber || !(n.value > 0)) {
        throw UsageError("--periods-per-year " + options.periods_per_year +
                         ": expected a number > 0 (252, 365, 12, ...) or auto");
      }
      costs.periods_per_year = n.value;
    }
  }
}

}  // namespace hedgecalc
