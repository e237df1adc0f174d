#pragma once
// --risk, --var-level and --accounting: what a risk manager and an auditor ask beyond
// the variance a hedge removes.

#include <CLI/CLI.hpp>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/single_command.hpp"

namespace hedgecalc {

/// Registers --risk, --var-level and --accounting.
void add_risk_options(CLI::App& app, SingleOptions& options);

/// Puts the risk level and --accounting into analysis; throws UsageError for
/// --var-level without --risk and --accounting without --exposure.
void apply_risk_options(const SingleOptions& options, AnalysisOptions& analysis);

}  // namespace hedgecalc
