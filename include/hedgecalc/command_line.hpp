#pragma once
// The whole command line, from arguments to an exit code: parses them, runs the
// command, and turns every error into one "hedgecalc: error: ..." line. main and the
// command-line fuzzer call it; the file system is a seam for testing.

#include <ostream>
#include <string>
#include <vector>

#include "hedgecalc/file_system.hpp"

namespace hedgecalc {

/// Runs hedgecalc with args (without the program name), writing results to out and
/// messages to err. Returns the contract's exit code; never throws.
int run_command_line(std::vector<std::string> args, FileSystem& files, std::ostream& out,
                     std::ostream& err, bool err_is_terminal);

}  // namespace hedgecalc
