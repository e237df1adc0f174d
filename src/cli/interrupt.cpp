#include "interrupt.hpp"

#include <unistd.h>

#include <csignal>

namespace hedgecalc {
namespace {

volatile std::sig_atomic_t g_caught = 0;
volatile std::sig_atomic_t g_exit_at_once = 0;
struct sigaction g_previous_int, g_previous_term, g_previous_hup;

// Only async-signal-safe calls here: write(2) of a fixed line, then _exit.
template <size_t N>
void exit_with(const char (&line)[N], int signal) {
  const ssize_t written = ::write(STDERR_FILENO, line, N - 1);
  static_cast<void>(written);  // nothing more to do if stderr is gone
  ::_exit(128 + signal);
}

extern "C" void remember_signal(int signal) {
  if (g_exit_at_once) {
    if (signal == SIGINT) exit_with("hedgecalc: interrupted by SIGINT before any output\n", signal);
    if (signal == SIGHUP) exit_with("hedgecalc: interrupted by SIGHUP before any output\n", signal);
    exit_with("hedgecalc: interrupted by SIGTERM before any output\n", signal);
  }
  g_caught = signal;
}

}  // namespace

InterruptCatcher::InterruptCatcher(BeforeRows before_rows) {
  g_exit_at_once = before_rows == BeforeRows::kExit;
  struct sigaction action {};
  action.sa_handler = remember_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in flight go on
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
  // Under nohup SIGHUP is ignored, and stays so: the run is meant to outlive the terminal.
  sigaction(SIGHUP, nullptr, &g_previous_hup);
  if (g_previous_hup.sa_handler != SIG_IGN) sigaction(SIGHUP, &action, nullptr);
}

InterruptCatcher::~InterruptCatcher() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  sigaction(SIGHUP, &g_previous_hup, nullptr);
  g_exit_at_once = 0;
}

void InterruptCatcher::rows_begin() {
  g_exit_at_once = 0;
}

int InterruptCatcher::caught() {
  return g_caught;
}

void InterruptCatcher::reset() {
  g_caught = 0;
}

}  // namespace hedgecalc
