// libFuzzer entry point over the whole command line: options, PAIRS files and every
// command, on files held in memory (see command_line_fuzz_body.hpp).
//
//   scripts/fuzz 60      builds with clang and fuzzes each target for 60 seconds

#include "command_line_fuzz_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_command_line_once(data, size);
  return 0;
}
