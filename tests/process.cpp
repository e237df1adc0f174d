#include "process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string source_file_text(const std::string& relative_path) {
  return file_text(source_dir() + "/" + relative_path);
}

std::string source_dir() { return HEDGECALC_SOURCE_DIR; }

ProcessResult run_hedgecalc(const std::string& args, const std::string& stdin_file) {
  return run_shell("'" HEDGECALC_BINARY "' " + args, stdin_file);
}

std::string hedgecalc_binary() { return HEDGECALC_BINARY; }

std::string fresh_folder(const std::string& name) {
  const std::string folder = "/tmp/hedgecalc_test_" + std::to_string(::getpid()) + "_" + name;
  std::system(("rm -rf '" + folder + "' && mkdir -p '" + folder + "'").c_str());
  return folder;
}

ProcessResult run_shell(const std::string& command_line, const std::string& stdin_file) {
  static int counter = 0;
  const std::string base = "/tmp/hedgecalc_test_" + std::to_string(::getpid()) + "_" +
                           std::to_string(counter++);
  const std::string command = "cd '" + source_dir() + "' && " + command_line + " <" +
                              (stdin_file.empty() ? "/dev/null" : stdin_file) + " >" + base +
                              ".out 2>" + base + ".err";
  const int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = file_text(base + ".out");
  result.err = file_text(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return result;
}
