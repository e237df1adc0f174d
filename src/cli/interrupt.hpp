#pragma once
// SIGINT, SIGTERM and SIGHUP turned into a request to stop, so that a long batch ends on
// whole rows (a scheduler's time limit, Ctrl-C, a closed terminal or ssh session) instead
// of dying in the middle of one.

namespace hedgecalc {

/// While it lives, SIGINT, SIGTERM and SIGHUP set a flag instead of ending the process; the
/// previous handlers come back when it is destroyed. A SIGHUP that was ignored when it
/// was made (nohup) stays ignored.
class InterruptCatcher {
 public:
  /// What a signal does before rows_begin(): set the flag, or end the process at once.
  enum class BeforeRows { kStop, kExit };

  /// With BeforeRows::kExit a signal before rows_begin() ends the process at once, with
  /// "hedgecalc: interrupted by SIGxxx before any output" on standard error and exit
  /// 128 + the signal: nothing has been written yet, and the run may be blocked in a
  /// read (a pipe, a slow file system) that a flag would not end.
  explicit InterruptCatcher(BeforeRows before_rows = BeforeRows::kStop);
  ~InterruptCatcher();
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;

  /// From now on a signal only sets the flag: the caller stops between rows.
  void rows_begin();

  /// The signal caught (SIGINT, SIGTERM or SIGHUP), or 0.
  static int caught();
  /// Forgets a caught signal (for tests).
  static void reset();
};

}  // namespace hedgecalc
