// The reference that ships with hedgecalc keeps up with the binary: every option
// `--help` prints is in docs/hedgecalc.md, in the man page made from it, and in the
// bash and zsh completions, which also complete option values and FILE:COLUMN.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "process.hpp"

namespace {

// The --long options a command's help lists in its option table.
std::set<std::string> help_options(const std::string& command) {
  const ProcessResult help = run_hedgecalc(command + " --help");
  REQUIRE(help.exit_code == 0);
  std::set<std::string> options;
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);) {
    // Option lines: indented, then "--name" (or "-h,--help").
    size_t at = line.find_first_not_of(' ');
    if (at == 0 || at == std::string::npos) continue;
    if (line.compare(at, 3, "-h,") == 0) at += 3;
    if (line.compare(at, 2, "--") != 0) continue;
    size_t end = at + 2;
    while (end < line.size() && (std::islower(static_cast<unsigned char>(line[end])) || line[end] == '-')) ++end;
    if (end > at + 2) options.insert(line.substr(at, end - at));
  }
  return options;
}

// Text as a reader sees it: roff and markdown escape '-' as "\-".
std::string unescaped(std::string text) {
  for (size_t at; (at = text.find("\\-")) != std::string::npos;) text.erase(at, 1);
  return text;
}

bool names_option(const std::string& text, const std::string& option) {
  // Whole option names only: "--window" must not be found inside "--window-x".
  for (size_t at = text.find(option); at != std::string::npos; at = text.find(option, at + 1)) {
    const size_t end = at + option.size();
    if (end == text.size() || !(std::islower(static_cast<unsigned char>(text[end])) || text[end] == '-')) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> completions(const std::string& line) {
  const ProcessResult r = run_shell("tests/complete_line.sh '" HEDGECALC_BASH_COMPLETION "' '" + line + "'");
  INFO(line << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> words;
  std::istringstream lines(r.out);
  for (std::string word; std::getline(lines, word);) words.push_back(word);
  std::sort(words.begin(), words.end());
  return words;
}

const std::vector<std::string> kCommands = {"", "batch", "matrix"};

}  // namespace

TEST_CASE("docs/hedgecalc.md and the man page name every option of --help", "[reference]") {
  const std::string reference = unescaped(source_file_text("docs/hedgecalc.md"));
  REQUIRE(!reference.empty());
#ifdef HEDGECALC_MAN_PAGE
  const std::string man = unescaped(file_text(HEDGECALC_MAN_PAGE));
  REQUIRE(man.find(".TH \"HEDGECALC\" \"1\"") != std::string::npos);
#endif
  size_t checked = 0;
  for (const std::string& command : kCommands) {
    const std::set<std::string> options = help_options(command);
    CHECK(options.size() > 10);
    for (const std::string& option : options) {
      INFO("hedgecalc " << command << " " << option);
      CHECK(names_option(reference, option));
#ifdef HEDGECALC_MAN_PAGE
      CHECK(names_option(man, option));
#endif
      ++checked;
    }
  }
  CHECK(checked > 100);
  // The sections a man page reader looks for.
  for (const char* section : {"# NAME", "# SYNOPSIS", "# OPTIONS", "# OUTPUT FIELDS",
                              "# EXIT STATUS", "# EXAMPLES"}) {
    CHECK(reference.find(section) != std::string::npos);
  }
}

TEST_CASE("the bash completion offers exactly the options of each command", "[reference]") {
  for (const std::string& command : kCommands) {
    INFO("hedgecalc " << command);
    const std::set<std::string> options = help_options(command);
    const std::vector<std::string> offered =
        completions("hedgecalc " + (command.empty() ? "" : command + " ") + "--");
    CHECK(std::set<std::string>(offered.begin(), offered.end()) == options);
  }
}

TEST_CASE("the bash completion completes values, subcommands and FILE:COLUMN", "[reference]") {
  using V = std::vector<std::string>;
  CHECK(completions("hedgecalc --format ") == V{"csv", "json", "ndjson", "table", "tsv"});
  CHECK(completions("hedgecalc --returns l") == V{"log"});
  CHECK(completions("hedgecalc matrix --field e") == V{"effectiveness"});
  CHECK(completions("hedgecalc --delimiter s") == V{"semicolon", "space"});
  CHECK(completions("hedgecalc ma") == V{"matrix"});
  CHECK(completions("hedgecalc data/token_") == V{"data/token_us.csv"});
  // Columns from the header, quoted for the shell; bash replaces the text after ':'.
  CHECK(completions("hedgecalc data/token.csv data/btc.csv:A") == V{"Adj\\ Close"});
  CHECK(completions("hedgecalc data/acme.csv data/index_eu.csv:") == V{"Datum", "Schlusskurs"});
  CHECK(completions("hedgecalc tests/data/packed/token.csv.gz:").empty());
}

TEST_CASE("the zsh completion names every option and parses", "[reference]") {
  const std::string zsh = file_text(HEDGECALC_ZSH_COMPLETION);
  REQUIRE(zsh.rfind("#compdef hedgecalc", 0) == 0);
  for (const std::string& command : kCommands) {
    for (const std::string& option : help_options(command)) {
      INFO("hedgecalc " << command << " " << option);
      CHECK(names_option(zsh, option));
    }
  }
  // zsh itself, where it is installed, checks the syntax.
  const ProcessResult syntax =
      run_shell("if command -v zsh >/dev/null; then zsh -n '" HEDGECALC_ZSH_COMPLETION "'; fi");
  INFO(syntax.err);
  CHECK(syntax.exit_code == 0);
}

TEST_CASE("the completions come from the program and stay out of --help", "[reference]") {
  const ProcessResult bash = run_hedgecalc("completions bash");
  CHECK(bash.exit_code == 0);
  CHECK(bash.out == file_text(HEDGECALC_BASH_COMPLETION));
  CHECK(run_hedgecalc("completions zsh").out == file_text(HEDGECALC_ZSH_COMPLETION));
  CHECK(run_hedgecalc("completions fish").exit_code == 2);
  CHECK(run_hedgecalc("--help").out.find("completions") == std::string::npos);
  // bash itself reads the script.
  CHECK(run_shell("bash -n '" HEDGECALC_BASH_COMPLETION "'").exit_code == 0);
}

TEST_CASE("--help is in sections, with readable value names, in 100 columns", "[reference]") {
  for (const std::string& command : kCommands) {
    const std::string help = run_hedgecalc(command + " --help").out;
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
      INFO("hedgecalc " << command << " --help: " << line);
      CHECK(line.size() <= 100);
      CHECK(line.find("1099511627776") == std::string::npos);  // CLI11's raw ranges
      CHECK(line.find("TEXT") == std::string::npos);
    }
  }
  const std::string help = run_hedgecalc("--help").out;
  for (const char* section : {"Output:", "Input and reading:", "Returns and alignment:",
                              "Estimators:", "Stability and monitoring:", "Risk:",
                              "Trades and costs:"}) {
    INFO(section);
    CHECK(help.find(std::string("\n") + section + "\n") != std::string::npos);
  }
  CHECK(help.find("--rebalance K ") != std::string::npos);
  CHECK(help.find("--returns {simple,log,diff,none}=simple") != std::string::npos);
}
