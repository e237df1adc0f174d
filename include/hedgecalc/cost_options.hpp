#pragma once
// --position, --band, --cost-bps, --carry, --carry-series, --rebalance-band and
// --periods-per-year: from a hedge ratio to a trade, and what trading it costs.

#include <CLI/CLI.hpp>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/single_command.hpp"

namespace hedgecalc {

/// Registers the trade and cost options.
void add_cost_options(CLI::App& app, SingleOptions& options);

/// Reads --carry-series FILE[:COLUMN][@OPTION=VALUE...]: per-period rates of any sign,
/// sorted by time; throws DataError naming the file and line of a bad cell.
PriceSeries load_carry_series(const std::string& argument, FileSystem& files, const CsvOptions& csv);

/// Checks the trade and cost options and puts them into analysis (all but the carry
/// series' rates, which the command loads); throws UsageError.
void apply_cost_options(const SingleOptions& options, AnalysisOptions& analysis);

}  // namespace hedgecalc
