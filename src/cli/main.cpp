// hedgecalc's entry point: the real disk, the real streams, and the command line.

#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "hedgecalc/command_line.hpp"
#include "hedgecalc/file_system.hpp"

int main(int argc, char** argv) {
  hedgecalc::DiskFileSystem files;
  return hedgecalc::run_command_line(std::vector<std::string>(argv + 1, argv + argc), files,
                                     std::cout, std::cerr, ::isatty(2) != 0);
}
