#pragma once
// --kalman, --kalman-q and --kalman-r: the Kalman ratio and its fixed variances.

#include <optional>

#include <CLI/CLI.hpp>

#include "hedgecalc/kalman.hpp"
#include "hedgecalc/single_command.hpp"

namespace hedgecalc {

/// Registers --kalman, --kalman-q and --kalman-r.
void add_kalman_options(CLI::App& app, SingleOptions& options);

/// The fixed variances, or nullopt to estimate them; throws UsageError.
std::optional<KalmanVariances> kalman_variances_from(const SingleOptions& options, bool intercept);

}  // namespace hedgecalc
