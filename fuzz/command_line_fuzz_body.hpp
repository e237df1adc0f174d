#pragma once
// The body of the command-line fuzzer, shared with tests/cli/fuzz_regression_test.cpp,
// which replays every input under tests/data/fuzz_cli/.
//
// The input is arguments, one per line, up to a line "--"; after it, files separated
// by lines "==" become a.csv, b.csv and pairs.csv in memory (PAIRS rows naming a.csv and
// b.csv), so option parsing, PAIRS parsing and every command run on fuzzed text without
// touching the disk. What must hold: no exception escapes, the exit code is one the reference
// knows, and a failed single or matrix command prints nothing on stdout.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "hedgecalc/command_line.hpp"
#include "hedgecalc/file_system.hpp"

/// Runs one fuzz input through the whole command line; aborts on a broken promise.
inline void fuzz_command_line_once(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> args;
  size_t at = 0;
  while (at < input.size()) {
    size_t end = input.find('\n', at);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view arg = input.substr(at, end - at);
    at = end + 1;
    if (arg == "--") break;
    args.emplace_back(arg);
  }
  // Many worker threads only make each run slow; the pool has tests of its own.
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--jobs") args[i + 1] = "2";
  }
  hedgecalc::MemoryFileSystem files;
  const char* names[] = {"a.csv", "b.csv", "pairs.csv"};
  for (const char* name : names) {
    const size_t end = at < input.size() ? input.find("\n==\n", at) : std::string_view::npos;
    files.add(name, std::string(at < input.size() ? input.substr(at, end - at) : ""));
    at = end == std::string_view::npos ? input.size() : end + 4;
  }
  std::ostringstream out, err;
  const int code = hedgecalc::run_command_line(args, files, out, err, false);
  if (code < 0 || code > 3) std::abort();
  bool batch = false;
  for (const std::string& arg : args) batch |= arg == "batch";
  // A batch prints the rows of the pairs that ran before it reports their errors.
  if (!batch && (code == 1 || code == 2) && !out.str().empty()) std::abort();
  if (code != 0 && err.str().empty()) std::abort();
}
