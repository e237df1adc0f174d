#include "hedgecalc/setting.hpp"

#include <catch2/catch.hpp>

#include "process.hpp"

using namespace hedgecalc;

// Messages below the command line name settings through flag_for; each spelling must be an
// option that --help lists, or a renamed flag would leave those messages pointing nowhere.
TEST_CASE("every setting a message may name is spelled as an option of --help", "[cli]") {
  const std::string help = run_hedgecalc("--help").out;
  for (int s = 0; s <= static_cast<int>(Setting::kDcc); ++s) {
    const std::string flag = flag_for(static_cast<Setting>(s));
    INFO(s << " " << flag);
    REQUIRE(flag.rfind("--", 0) == 0);
    CHECK(help.find(flag + " ") != std::string::npos);
  }
}
