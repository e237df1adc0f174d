// Every hedgecalc command in README.md and docs/guide.md runs as written, from a scratch folder that holds
// data/ and tests/, and exits as its comment says ("# exit 1: ..."; 0 without one); an
// untagged ``` block after a code block holds lines one of its commands prints. Build and
// regeneration commands (scripts/..., cmake, python) are CI's and the developer's.

#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <cctype>
#include <sstream>

#include "process.hpp"

namespace {

struct ReadmeCommand {
  size_t line;          // 1-based line of README.md where it starts
  std::string text;     // the command, continuation lines joined
  int expected_exit;    // from "# ... exit N", else 0
  size_t group;         // commands of one code block share a group
};

// An untagged ``` block after a code block: one of that block's commands prints it.
struct ReadmeOutput {
  size_t line;
  size_t group;
  std::string text;
};

struct Readme {
  std::vector<ReadmeCommand> commands;
  std::vector<ReadmeOutput> outputs;
};

std::string without_trailing_spaces(const std::string& text) {
  std::istringstream lines(text);
  std::string result;
  for (std::string line; std::getline(lines, line);) {
    line.erase(line.find_last_not_of(" \t") + 1);
    result += line + "\n";
  }
  return result;
}

bool runs_hedgecalc(const std::string& command) {
  for (const char* build_step : {"scripts/", "cmake", "/usr/bin/python3", "build/"}) {
    if (command.rfind(build_step, 0) == 0) return false;
  }
  // The word hedgecalc as a command: at the start, or after a space, '|', ';' or '&'.
  const std::string word = "hedgecalc";
  for (size_t at = command.find(word); at != std::string::npos; at = command.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool starts = at == 0 || std::string(" |;&\t").find(command[at - 1]) != std::string::npos;
    const bool ends = end == command.size() || command[end] == ' ' || command[end] == '\t';
    if (starts && ends) return true;
  }
  return false;
}

// "# ... exit N" in a command's comment: the exit code it documents, else 0.
int documented_exit(const std::string& command) {
  const size_t comment = command.find('#');
  if (comment == std::string::npos) return 0;
  const size_t at = command.find("exit ", comment);
  if (at == std::string::npos || at + 5 >= command.size()) return 0;
  if (!std::isdigit(static_cast<unsigned char>(command[at + 5]))) return 0;
  return std::stoi(command.substr(at + 5));
}

// The commands and output blocks of a markdown file of the source tree.
Readme read_commands(const std::string& file) {
  std::istringstream lines(source_file_text(file));
  Readme readme;
  std::vector<ReadmeCommand>& commands = readme.commands;
  size_t group = 0;
  bool fenced = false, output_block = false, previous_blank = true, in_code = false;
  std::string pending;  // a command continued with a trailing backslash
  size_t pending_line = 0, number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      if (!fenced) {
        output_block = line == "```" && !commands.empty();
        if (output_block) readme.outputs.push_back({number, commands.back().group, ""});
      }
      fenced = !fenced;
      in_code = false;
      continue;
    }
    if (fenced) {
      if (output_block) readme.outputs.back().text += line + "\n";
      continue;
    }
    const bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (line.rfind("    ", 0) == 0 && (previous_blank || in_code)) {
      if (!in_code) ++group;
      in_code = true;
      std::string code = line.substr(4);
      if (pending.empty()) pending_line = number;
      if (!code.empty() && code.back() == '\\') {
        pending += code.substr(0, code.size() - 1);
        continue;
      }
      pending += code;
      const std::string command = pending;
      pending.clear();
      if (command.find_first_not_of(' ') == std::string::npos || command[0] == '#') continue;
      if (!runs_hedgecalc(command)) continue;
      commands.push_back({pending_line, command, documented_exit(command), group});
    } else if (!blank) {
      in_code = false;
    }
    previous_blank = blank;
  }
  return readme;
}

// A scratch folder with data/ and tests/ (links to the source tree's) to run in.
std::string scratch_folder() {
  const std::string folder = "/tmp/hedgecalc_readme_" + std::to_string(::getpid());
  const ProcessResult made = run_shell("rm -rf '" + folder + "' && mkdir -p '" + folder +
                                       "' && ln -s \"$PWD/data\" \"$PWD/tests\" '" + folder + "'");
  REQUIRE(made.exit_code == 0);
  return folder;
}

std::string single_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs every command of file and checks its exit code and its output blocks.
void check_commands(const std::string& file, const Readme& readme) {
  const std::string folder = scratch_folder();
  const std::string binary_folder = hedgecalc_binary().substr(0, hedgecalc_binary().rfind('/'));
  std::map<size_t, std::vector<std::string>> printed;  // group -> what its commands print
  for (const ReadmeCommand& command : readme.commands) {
    INFO(file << ":" << command.line << ": " << command.text);
    const ProcessResult r = run_shell(
        "cd '" + folder + "' && PATH='" + binary_folder +
        "':\"$PATH\" SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=4 SLURM_CPUS_PER_TASK=2 bash -o pipefail -c " +
        single_quoted(command.text));
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == command.expected_exit);
    if (command.expected_exit == 0) CHECK(r.err.find("error:") == std::string::npos);
    printed[command.group].push_back(without_trailing_spaces(r.out));
  }
  for (const ReadmeOutput& output : readme.outputs) {
    INFO(file << ":" << output.line << ": the output block\n" << output.text);
    const std::string wanted = without_trailing_spaces(output.text);
    bool found = false;
    for (const std::string& out : printed[output.group]) found |= out.find(wanted) != std::string::npos;
    CHECK(found);
  }
  run_shell("rm -rf '" + folder + "'");
}

}  // namespace


TEST_CASE("every hedgecalc command in the README runs as documented", "[readme]") {
  const Readme readme = read_commands("README.md");
  REQUIRE(readme.commands.size() >= 10);
  REQUIRE(readme.outputs.size() >= 1);
  check_commands("README.md", readme);
}

TEST_CASE("every hedgecalc command in the guide runs as documented", "[readme]") {
  const Readme guide = read_commands("docs/guide.md");
  REQUIRE(guide.commands.size() >= 25);
  REQUIRE(guide.outputs.size() >= 6);
  check_commands("docs/guide.md", guide);
}

TEST_CASE("the README is a front door", "[readme]") {
  const std::string readme = source_file_text("README.md");
  CHECK(std::count(readme.begin(), readme.end(), '\n') <= 250);
  for (const char* link : {"docs/guide.md", "docs/hedgecalc.md", "CONTRIBUTING.md", "bench/README.md"}) {
    INFO(link);
    CHECK(readme.find(std::string("(") + link + ")") != std::string::npos);
    CHECK_FALSE(source_file_text(link).empty());
  }
}
