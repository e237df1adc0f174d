#include "cli/interrupt.hpp"

#include <catch2/catch.hpp>

#include <csignal>

using namespace hedgecalc;

TEST_CASE("SIGINT and SIGTERM are caught while a catcher lives", "[interrupt]") {
  InterruptCatcher::reset();
  {
    const InterruptCatcher catcher;
    CHECK(InterruptCatcher::caught() == 0);
    std::raise(SIGTERM);  // would end the test run without the catcher
    CHECK(InterruptCatcher::caught() == SIGTERM);
    std::raise(SIGINT);
    CHECK(InterruptCatcher::caught() == SIGINT);
  }
  InterruptCatcher::reset();
  // The previous handler is back: ignore SIGINT, raise it, nothing is caught.
  const auto previous = std::signal(SIGINT, SIG_IGN);
  std::raise(SIGINT);
  CHECK(InterruptCatcher::caught() == 0);
  std::signal(SIGINT, previous);
}
