#pragma once
// Shell completions made from the command line's own definition, so that they cannot
// drift from it: `hedgecalc completions bash|zsh` prints them, and the build installs
// what it prints.

#include <string>

#include <CLI/CLI.hpp>

namespace hedgecalc {

/// The bash completion script for app (options, their values, subcommands, FILE:COLUMN).
std::string bash_completion(const CLI::App& app);

/// The zsh completion script for app.
std::string zsh_completion(const CLI::App& app);

}  // namespace hedgecalc
