#include "interrupt.hpp"

#include <csignal>

namespace hedgecalc {
namespace {

volatile std::sig_atomic_t g_caught = 0;
struct sigaction g_previous_int, g_previous_term, g_previous_hup;

extern "C" void remember_signal(int signal) {
  g_caught = signal;
}

}  // namespace

InterruptCatcher::InterruptCatcher() {
  struct sigaction action {};
  action.sa_handler = remember_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in flight go on
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
  sigaction(SIGHUP, &action, &g_previous_hup);
}

InterruptCatcher::~InterruptCatcher() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  sigaction(SIGHUP, &g_previous_hup, nullptr);
}

int InterruptCatcher::caught() {
  return g_caught;
}

void InterruptCatcher::reset() {
  g_caught = 0;
}

}  // namespace hedgecalc
