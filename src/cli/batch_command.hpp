#pragma once
// `hedgecalc batch [OPTIONS] PAIRS`: one analysis per row of PAIRS, each file parsed
// once, pairs analysed on --jobs threads, rows streamed in input order.

#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "command_options.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/shard.hpp"

namespace hedgecalc {

/// Options of the batch command.
struct BatchOptions {
  SingleOptions analysis;  ///< every option of a single analysis
  std::string pairs;       ///< the PAIRS file, or "-"
  std::optional<Shard> shard;  ///< --shard I/N: only the rows of this part
  bool quiet = false;
  std::string resume;      ///< --resume FILE: an earlier partial output
};

/// Registers the batch command's options on its subcommand.
void setup_batch(CLI::App& command, BatchOptions& options);

/// Checks the batch's options (validate_single for one proxy, positions possibly from
/// PAIRS) before any file is read; throws UsageError.
void validate_batch_command(BatchOptions& options);

/// Runs the batch with validated options, writing rows to out as they are ready and progress (when
/// show_progress) and the summary to err. Returns the exit code: 0, 1 if any pair
/// failed, 3 if a threshold was missed, 128 + the signal when SIGINT or SIGTERM
/// stopped it (after whole rows only). Throws hedgecalc::Error before any row is
/// written (PAIRS unreadable, bad options).
int run_batch(const BatchOptions& options, FileSystem& files, std::ostream& out, std::ostream& err,
              bool show_progress);

}  // namespace hedgecalc
