#pragma once
// --window W|DURATION, --expanding and --min-obs: the rolling window asked for.

#include <optional>

#include <CLI/CLI.hpp>

#include "hedgecalc/rolling_window.hpp"
#include "hedgecalc/single_command.hpp"

namespace hedgecalc {

/// Registers --window, --expanding and --min-obs.
void add_window_options(CLI::App& app, SingleOptions& options);

/// The rolling window of the command line; throws UsageError for a combination that makes no sense.
RollingWindow window_from(const SingleOptions& options);

}  // namespace hedgecalc
