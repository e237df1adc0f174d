#pragma once
// --estimators and --dimson-lags: the hedge ratio by other estimators.

#include <CLI/CLI.hpp>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/single_command.hpp"

namespace hedgecalc {

/// Registers --estimators and --dimson-lags.
void add_estimator_options(CLI::App& app, SingleOptions& options);

/// Puts them into analysis; throws UsageError for --dimson-lags without --estimators.
void apply_estimator_options(const SingleOptions& options, AnalysisOptions& analysis);

}  // namespace hedgecalc
