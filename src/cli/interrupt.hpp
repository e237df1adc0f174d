#pragma once
// SIGINT, SIGTERM and SIGHUP turned into a request to stop, so that a long batch ends on
// whole rows (a scheduler's time limit, Ctrl-C, a closed terminal or ssh session) instead
// of dying in the middle of one.

namespace hedgecalc {

/// While it lives, SIGINT, SIGTERM and SIGHUP set a flag instead of ending the process; the
/// previous handlers come back when it is destroyed.
class InterruptCatcher {
 public:
  InterruptCatcher();
  ~InterruptCatcher();
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;

  /// The signal caught (SIGINT, SIGTERM or SIGHUP), or 0.
  static int caught();
  /// Forgets a caught signal (for tests).
  static void reset();
};

}  // namespace hedgecalc
