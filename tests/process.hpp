#pragma once
// Runs the built hedgecalc binary for end-to-end tests.

#include <string>

/// What a run of hedgecalc printed and returned.
struct ProcessResult {
  int exit_code;
  std::string out;
  std::string err;
};

/// Runs `hedgecalc ARGS` (a shell-quoted argument string) from the source folder,
/// with stdin from stdin_file (or /dev/null).
ProcessResult run_hedgecalc(const std::string& args, const std::string& stdin_file = "");

/// Runs a /bin/sh command line from the source folder, with stdin from stdin_file
/// (or /dev/null).
ProcessResult run_shell(const std::string& command_line, const std::string& stdin_file = "");

/// The path of the built hedgecalc binary.
std::string hedgecalc_binary();

/// The source folder, where data/ and tests/data/ live.
std::string source_dir();

/// A fresh, empty folder under /tmp for one test (named after the process and name).
std::string fresh_folder(const std::string& name);

/// The whole contents of a file ("" when it cannot be read).
std::string file_text(const std::string& path);

/// The whole contents of a file of the source tree, by its path from the top.
std::string source_file_text(const std::string& relative_path);
