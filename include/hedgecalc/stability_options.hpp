#pragma once
// --stability, --trim, --break-at and --max-break-p: the break tests asked for.

#include <optional>

#include <CLI/CLI.hpp>

#include "hedgecalc/single_command.hpp"
#include "hedgecalc/stability.hpp"

namespace hedgecalc {

/// Registers --stability, --trim, --break-at and --max-break-p.
void add_stability_options(CLI::App& app, SingleOptions& options);

/// The break tests asked for, or nullopt; throws UsageError.
std::optional<StabilityOptions> stability_options_from(const SingleOptions& options);

}  // namespace hedgecalc
