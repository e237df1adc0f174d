// libFuzzer entry point over the loader and the analysis behind it
// (see loader_fuzz_body.hpp for what it checks).
//
//   scripts/fuzz 60      builds with clang and fuzzes for 60 seconds

#include "loader_fuzz_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_loader_once(data, size);
  return 0;
}
