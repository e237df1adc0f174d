#pragma once
// Validators for numeric command-line options. CLI11's own range checks accept NaN and
// infinities and print their bounds with 300 digits; these say in words what is wanted.

#include <CLI/CLI.hpp>

namespace hedgecalc {

/// Accepts any finite number (rejects nan, inf and text).
CLI::Validator finite_number();

/// Accepts finite numbers > 0.
CLI::Validator positive_number();

/// Accepts numbers strictly between 0 and 1.
CLI::Validator open_unit_interval();

}  // namespace hedgecalc
