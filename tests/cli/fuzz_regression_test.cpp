// Replays every input under tests/data/fuzz/ and tests/data/fuzz_cli/ (seeds, and
// crashes and hangs the fuzzers found, kept once fixed) through the fuzzers' own
// bodies: each must load or be rejected with a hedgecalc::Error, under the sanitizers
// in CI.

#include <catch2/catch.hpp>
#include <dirent.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "../fuzz/command_line_fuzz_body.hpp"
#include "../fuzz/loader_fuzz_body.hpp"
#include "process.hpp"

namespace {

// Runs body on each file of the folder (README.md aside); returns how many.
size_t replay_folder(const std::string& folder,
                     const std::function<void(const uint8_t*, size_t)>& body) {
  const std::string dir = source_dir() + "/" + folder;
  DIR* listing = ::opendir(dir.c_str());
  REQUIRE(listing != nullptr);
  size_t replayed = 0;
  while (dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (name == "." || name == ".." || name == "README.md") continue;
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string input = bytes.str();
    INFO(name);
    CHECK_NOTHROW(body(reinterpret_cast<const uint8_t*>(input.data()), input.size()));
    ++replayed;
  }
  ::closedir(listing);
  return replayed;
}

}  // namespace

TEST_CASE("every input the fuzzer found is handled", "[fuzz]") {
  // The seed keeps the test meaningful before the fuzzer has found anything.
  CHECK(replay_folder("tests/data/fuzz", fuzz_loader_once) >= 1);
}

TEST_CASE("every command line the fuzzer found is handled", "[fuzz]") {
  CHECK(replay_folder("tests/data/fuzz_cli", fuzz_command_line_once) >= 4);
}
