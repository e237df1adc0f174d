#pragma once
// `hedgecalc monitor --follow`: the inputs followed as they grow, until a pipe ends or
// SIGINT, SIGTERM or SIGHUP asks the follow to stop.

#include <ostream>

#include "command_options.hpp"
#include "hedgecalc/file_system.hpp"

namespace hedgecalc {

/// Follows the inputs, printing events to out as they come (flushed before every wait);
/// returns the exit code: 3 once an alarm was raised, else 0. Throws hedgecalc::Error.
int run_follow(const SingleOptions& options, const FileSystem& files, std::ostream& out,
               std::ostream& err);

}  // namespace hedgecalc
