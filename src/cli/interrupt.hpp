#pragma once
// SIGINT and SIGTERM turned into a request to stop, so that a long batch ends on whole
// rows (a scheduler's time limit, Ctrl-C) instead of dying in the middle of one.

namespace hedgecalc {

/// While it lives, SIGINT and SIGTERM set a flag instead of ending the process; the
/// previous handlers come back when it is destroyed.
class InterruptCatcher {
 public:
  InterruptCatcher();
  ~InterruptCatcher();
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;

  /// The signal caught (SIGINT or SIGTERM), or 0.
  static int caught();
  /// Forgets a caught signal (for tests).
  static void reset();
};

}  // namespace hedgecalc
