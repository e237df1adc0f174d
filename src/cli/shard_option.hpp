#pragma once
// --shard I/N of batch and matrix.

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "hedgecalc/shard.hpp"

namespace hedgecalc {

/// Parses "I/N" (decimal digits only, 1 <= I <= N) into Shard{I-1, N}; throws
/// UsageError naming --shard otherwise.
Shard parse_shard(const std::string& text);

/// Binds --shard to `shard`, parsed and checked as the command line is read.
CLI::Option* add_shard_option(CLI::App& app, std::optional<Shard>& shard, const std::string& help);

}  // namespace hedgecalc
