#pragma once
// --risk and --var-level: risk beyond variance.

#include <CLI/CLI.hpp>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/single_command.hpp"

namespace hedgecalc {

/// Registers --risk and --var-level.
void add_risk_options(CLI::App& app, SingleOptions& options);

/// Puts the risk level into analysis; throws UsageError for --var-level without --risk.
void apply_risk_options(const SingleOptions& options, AnalysisOptions& analysis);

}  // namespace hedgecalc
