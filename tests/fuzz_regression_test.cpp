// Replays every input under tests/data/fuzz/ and tests/data/fuzz_cli/ (crashes and hangs the fuzzer found,
// kept once fixed) through the fuzzer's own body: each must load or be rejected
// with a hedgecalc::Error, under the sanitizers in CI.

#include <catch2/catch.hpp>
#include <dirent.h>

#include <fstream>
#include <sstream>

#include "../fuzz/command_line_fuzz_body.hpp"
#include "../fuzz/loader_fuzz_body.hpp"
#include "process.hpp"

TEST_CASE("every input the fuzzer found is handled", "[fuzz]") {
  const std::string dir = source_dir() + "/tests/data/fuzz";
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
    CHECK_NOTHROW(fuzz_loader_once(reinterpret_cast<const uint8_t*>(input.data()), input.size()));
    ++replayed;
  }
  ::closedir(listing);
  // The seed below keeps the test meaningful before the fuzzer has found anything.
  CHECK(replayed >= 1);
}

TEST_CASE("every command line the fuzzer found is handled", "[fuzz]") {
  const std::string dir = source_dir() + "/tests/data/fuzz_cli";
  DIR* listing = ::opendir(dir.c_str());
  REQUIRE(listing != nullptr);
  size_t replayed = 0;
  while (dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string input = bytes.str();
    INFO(name);
    CHECK_NOTHROW(
        fuzz_command_line_once(reinterpret_cast<const uint8_t*>(input.data()), input.size()));
    ++replayed;
  }
  ::closedir(listing);
  CHECK(replayed >= 4);
}
