#pragma once
// `hedgecalc [OPTIONS] TARGET PROXY [PROXY...]`: the single analysis, from
// arguments to printed text; `hedgecalc monitor` is the same with a monitor section.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command_options.hpp"
#include "hedgecalc/file_system.hpp"

namespace hedgecalc {

/// What a command prints and how it exits.
struct CommandResult {
  std::string out;  ///< for stdout
  std::string err;  ///< for stderr (warnings, threshold alarms)
  int exit_code = 0;
};

/// Registers the options of the single analysis on app.
void setup_single(CLI::App& app, SingleOptions& options);

/// Registers the options of `hedgecalc monitor`: the single analysis' and monitoring's.
void setup_monitor(CLI::App& command, SingleOptions& options);

/// Checks the series arguments and every option (validate_single); throws UsageError.
/// The command line calls it once, after parsing and before any file is read.
void validate_single_command(SingleOptions& options);

/// Runs the analysis with validated options; throws hedgecalc::Error. Nothing is
/// printed here, so that an error leaves stdout empty; a --plot file is written through files.
CommandResult run_single(const SingleOptions& options, FileSystem& files);

/// The options of `hedgecalc ARGS` (the single analysis), parsed and validated as the
/// command line does: a seam for tests that call run_single directly. Throws
/// UsageError, or CLI::ParseError for what CLI11 refuses.
SingleOptions parse_single_options(std::vector<std::string> args);

}  // namespace hedgecalc
