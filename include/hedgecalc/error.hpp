#pragma once
// Errors inside the library are exceptions; the CLI edge turns each into one
// "hedgecalc: error: ..." line and the exit code docs/hedgecalc.md assigns to its kind.

#include <stdexcept>
#include <string>

namespace hedgecalc {

/// Exit codes fixed by docs/hedgecalc.md.
enum class ExitCode : int { kSuccess = 0, kDataError = 1, kUsageError = 2, kThresholdNotMet = 3 };

/// Base of every error hedgecalc reports; what() is the message without the prefix.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  /// The process exit code this error maps to.
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

/// Bad data or an impossible computation (exit 1).
class DataError : public Error {
 public:
  explicit DataError(const std::string& message) : Error(ExitCode::kDataError, message) {}
};

/// Bad command line (exit 2).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ExitCode::kUsageError, message) {}
};

/// "file:line: " — the location prefix every data error starts with.
std::string location(const std::string& file, size_t line);

}  // namespace hedgecalc
