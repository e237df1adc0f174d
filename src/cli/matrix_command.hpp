#pragma once
// `hedgecalc matrix [OPTIONS] PRICES...`: every ordered pair of the price columns of
// one or more wide CSVs.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command_options.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/shard.hpp"

namespace hedgecalc {

/// Options of the matrix command.
/// long: a row per ordered pair; wide: one square matrix of a field.
enum class MatrixLayout { kLong, kWide };

/// The value a wide layout shows.
enum class MatrixField { kHedgeRatio, kCorrelation, kEffectiveness, kN };

struct MatrixOptions {
  SingleOptions analysis;            ///< reading, --returns, --from/--to, --frequency, format
  std::vector<std::string> prices;   ///< wide CSV files
  bool best = false;                 ///< per target, only the most effective proxy
  MatrixLayout layout = MatrixLayout::kLong;
  std::optional<MatrixField> field;  ///< the value a wide layout shows (none: hedge_ratio)
  std::optional<Shard> shard;        ///< --shard I/N: only the rows of this part's targets
};

/// Registers the matrix command's options on its subcommand.
void setup_matrix(CLI::App& command, MatrixOptions& options);

/// Checks the matrix's options before any file is read; throws UsageError.
void validate_matrix_command(MatrixOptions& options);

/// Computes every ordered pair and writes a row for each to out as it goes; throws
/// hedgecalc::Error before the first row (out stays empty). Returns the exit code.

int run_matrix(const MatrixOptions& options, FileSystem& files, std::ostream& out);

}  // namespace hedgecalc
