#include "completions.hpp"

#include <cctype>
#include <map>
#include <set>
#include <vector>

namespace hedgecalc {
namespace {

// What a completion needs to know of one option.
struct OptionFacts {
  std::string name;                 // --name
  std::string summary;              // its help, up to the first clause
  bool takes_value = false;
  bool file = false;                // the value is a file name
  std::vector<std::string> values;  // the words its value may be ("{a,b}" in its type name)
  std::string value_name;
};

std::vector<std::string> braced_words(const std::string& type_name) {
  std::vector<std::string> words;
  const size_t open = type_name.find('{'), close = type_name.find('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return words;
  std::string word;
  for (size_t i = open + 1; i <= close; ++i) {
    if (type_name[i] == ',' || type_name[i] == '}') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += type_name[i];
    }
  }
  return words;
}

// The help text without its asides in parentheses, to its first ';', in at most 70
// characters, and without what would need quoting in zsh.
std::string summary_of(const std::string& description) {
  std::string text;
  int depth = 0;
  for (char c : description.substr(0, description.find_first_of(";\n"))) {
    depth += c == '(';
    if (depth == 0 && c != '[' && c != ']' && c != '\'' && c != '"' && c != '`' && c != '\\' &&
        c != '$') {
      text += c == ':' ? ',' : c;
    }
    depth -= c == ')' && depth > 0;
  }
  if (text.size() > 70) text = text.substr(0, text.rfind(' ', 70));
  while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.pop_back();
  size_t double_space;
  while ((double_space = text.find("  ")) != std::string::npos) text.erase(double_space, 1);
  for (size_t comma; (comma = text.find(" ,")) != std::string::npos;) text.erase(comma, 1);
  return text;
}

std::vector<OptionFacts> options_of(const CLI::App& app) {
  std::vector<OptionFacts> facts;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_lnames().empty()) continue;  // positionals
    OptionFacts f;
    f.name = "--" + option->get_lnames().front();
    f.summary = summary_of(option->get_description());
    f.takes_value = option->get_items_expected_max() > 0;  // flags expect none
    const std::string type = option->get_type_name();
    f.file = type.find("FILE") != std::string::npos || type.find("PAIRS") != std::string::npos;
    f.values = braced_words(type);
    f.value_name = type.substr(0, type.find_first_of("{=:"));
    while (!f.value_name.empty() && f.value_name.back() == '|') f.value_name.pop_back();
    facts.push_back(f);
  }
  return facts;
}

// The visible subcommands: name and what it does.
std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
  std::vector<const CLI::App*> commands;
  for (const CLI::App* command : app.get_subcommands({})) {
    if (!command->get_group().empty()) commands.push_back(command);
  }
  return commands;
}

std::string joined(const std::vector<std::string>& words, const char* separator = " ") {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

std::string option_names(const std::vector<OptionFacts>& facts) {
  std::vector<std::string> names;
  for (const OptionFacts& f : facts) names.push_back(f.name);
  return joined(names);
}

}  // namespace

namespace {

// Every option of the program and its subcommands, by name (the same name means the
// same values wherever it appears).
std::map<std::string, OptionFacts> all_options(const CLI::App& app) {
  std::map<std::string, OptionFacts> all;
  for (const OptionFacts& f : options_of(app)) all.emplace(f.name, f);
  for (const CLI::App* command : subcommands_of(app)) {
    for (const OptionFacts& f : options_of(*command)) all.emplace(f.name, f);
  }
  return all;
}

// bash: the `case $prev in` arms that complete an option's value.
std::string bash_value_cases(const std::map<std::string, OptionFacts>& all) {
  std::string cases;
  std::vector<std::string> files, free_text;
  for (const auto& [name, f] : all) {
    if (!f.takes_value) continue;
    if (f.file) {
      files.push_back(name);
    } else if (!f.values.empty()) {
      cases += "    " + name + ") values='" + joined(f.values) + "' ;;\n";
    } else {
      free_text.push_back(name);
    }
  }
  cases += "    " + joined(files, " | ") + ")\n"
           "      compopt -o filenames 2>/dev/null\n"
           "      mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
           "      return 0 ;;\n";
  cases += "    " + joined(free_text, " | ") + ")\n      return 0 ;;\n";
  return cases;
}

const char* const kBashColumns = R"SH(# The column names of a CSV file's header (the first line neither blank nor a comment),
# one per line; nothing for a file that is not text.
_hedgecalc_columns() {
  local file=$1 header delimiter best=0 count candidate
  [[ -f $file && -r $file ]] || return 0
  # -I: a binary file (a compressed one, say) matches nothing.
  header=$(LC_ALL=C grep -I -m1 -v -e '^#' -e '^[[:space:]]*$' -- "$file" 2>/dev/null) || return 0
  header=${header%$'\r'}
  header=${header#$'\xef\xbb\xbf'}
  [[ -z $header ]] && return 0
  # The delimiter hedgecalc would detect: the most frequent of , ; TAB |.
  delimiter=,
  for candidate in , ';' $'\t' '|'; do
    count=${header//[^$candidate]/}
    if (( ${#count} > best )); then best=${#count}; delimiter=$candidate; fi
  done
  local IFS=$delimiter name
  for name in $header; do
    name=${name#\"}
    name=${name%\"}
    [[ -n $name ]] && printf '%s\n' "$name"
  done
}
)SH";

const char* const kBashStart = R"SH(
_hedgecalc() {
  # The word as typed, ':' included (bash splits words at ':' for completion).
  local line=${COMP_LINE:0:COMP_POINT}
  local cur=${line##*[[:space:]]}
  local before=${line%"$cur"}
  before=${before%"${before##*[![:space:]]}"}
  local prev=${before##*[[:space:]]}
  local subcommand='' word
  for word in "${COMP_WORDS[@]:1:COMP_CWORD}"; do
    case $word in @SUBCOMMANDS@) subcommand=$word; break ;; esac
  done
  COMPREPLY=()

  local values=''
  case $prev in
)SH";

const char* const kBashRest = R"SH(  esac
  if [[ -n $values ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    return 0
  fi

  if [[ $cur == -* && $cur != -:* ]]; then
    local options
    case $subcommand in
@OPTION_CASES@    esac
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return 0
  fi

  # FILE:COLUMN: the columns of FILE's header.
  if [[ $cur == *:* && -f ${cur%:*} ]]; then
    local file=${cur%:*} typed=${cur##*:} name
    local -a columns=()
    while IFS= read -r name; do
      [[ $name == "$typed"* ]] && columns+=("$name")
    done < <(_hedgecalc_columns "$file")
    for name in "${columns[@]}"; do
      # bash replaces only the text after the last ':' when ':' splits words.
      if [[ $COMP_WORDBREAKS == *:* ]]; then
        COMPREPLY+=("$(printf '%q' "$name")")
      else
        COMPREPLY+=("$(printf '%q' "$file:$name")")
      fi
    done
    return 0
  fi

  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  if [[ -z $subcommand && $COMP_CWORD -eq 1 ]]; then
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W '@SUBCOMMAND_WORDS@' -- "$cur")
  fi
  return 0
}

complete -F _hedgecalc hedgecalc
)SH";

std::string replaced(std::string text, const std::string& marker, const std::string& by) {
  for (size_t at; (at = text.find(marker)) != std::string::npos;) text.replace(at, marker.size(), by);
  return text;
}

}  // namespace

std::string bash_completion(const CLI::App& app) {
  std::vector<std::string> names;
  std::string option_cases = "      '') options='" + option_names(options_of(app)) + "' ;;\n";
  for (const CLI::App* command : subcommands_of(app)) {
    names.push_back(command->get_name());
    option_cases += "      " + command->get_name() + ") options='" +
                    option_names(options_of(*command)) + "' ;;\n";
  }
  std::string script =
      "# bash completion for hedgecalc(1), made by `hedgecalc completions bash` from the\n"
      "# program's own options: subcommands, options and their values, file names, and\n"
      "# after FILE: the column names of that file's header line.\n\n";
  script += kBashColumns;
  script += replaced(kBashStart, "@SUBCOMMANDS@", joined(names, " | "));
  script += bash_value_cases(all_options(app));
  std::string rest = replaced(kBashRest, "@OPTION_CASES@", option_cases);
  return script + replaced(rest, "@SUBCOMMAND_WORDS@", joined(names));
}

namespace {

const char* const kZshSeries = R"SH(# FILE or FILE:COLUMN, the columns read from the file's header line.
_hedgecalc_series() {
  if [[ $PREFIX == *:* && -f ${PREFIX%:*} ]]; then
    local file=${PREFIX%:*} header delimiter=, best=0 candidate count
    header=$(LC_ALL=C grep -I -m1 -v -e '^#' -e '^[[:space:]]*$' -- $file 2>/dev/null)
    header=${header%$'\r'}
    header=${header#$'\xef\xbb\xbf'}
    for candidate in , ';' $'\t' '|'; do
      count=${header//[^$candidate]/}
      if (( ${#count} > best )); then best=${#count}; delimiter=$candidate; fi
    done
    local -a columns
    columns=(${(ps:$delimiter:)header})
    columns=(${columns#\"})
    columns=(${columns%\"})
    compadd -Q -p "$file:" -- ${(q)columns}
  else
    _files
  fi
}
)SH";

// A value's name, as zsh shows it while the value is typed.
std::string zsh_message(const std::string& value_name) {
  std::string message;
  for (char c : value_name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '|' || c == ',' || c == '.' || c == '/') message += c;
  }
  return message.empty() ? "value" : message;
}

// One _arguments spec a line: '--name=[what it does]:value:(words)'.
std::string zsh_specs(const CLI::App& app) {
  std::string specs;
  for (const OptionFacts& f : options_of(app)) {
    std::string spec;
    if (f.name == "--help") {
      spec = "'(- *)'{-h,--help}'[print the options and exit]'";
    } else if (f.name == "--version") {
      spec = "'(- *)--version[print the version and commit]'";
    } else if (!f.takes_value) {
      spec = "'" + f.name + "[" + f.summary + "]'";
    } else {
      spec = "'" + f.name + "=[" + f.summary + "]:" + zsh_message(f.value_name) + ":";
      if (f.file) spec += "_files";
      if (!f.values.empty()) spec += "(" + joined(f.values) + ")";
      spec += "'";
    }
    specs += "    " + spec + " \\\n";
  }
  return specs;
}

// The command's files (its positional argument): one, or any number.
std::string zsh_files(const CLI::App& command) {
  for (const CLI::Option* option : command.get_options()) {
    if (!option->get_lnames().empty()) continue;
    const std::string what = zsh_message(option->get_type_name()) + " file";
    return option->get_items_expected_max() > 1 ? "    '*:" + what + ":_files'\n"
                                                 : "    '1:" + what + ":_files'\n";
  }
  return "    '*:file:_files'\n";
}

}  // namespace

std::string zsh_completion(const CLI::App& app) {
  std::string script =
      "#compdef hedgecalc\n"
      "# zsh completion for hedgecalc(1), made by `hedgecalc completions zsh` from the\n"
      "# program's own options: subcommands, options and their values, file names, and\n"
      "# after FILE: the column names of that file's header line.\n\n";
  script += kZshSeries;
  std::string alternatives;
  std::string branch = "if";
  for (const CLI::App* command : subcommands_of(app)) {
    const std::string name = command->get_name();
    alternatives += (alternatives.empty() ? "" : " ") + name + "\\:\"" + summary_of(command->get_description()) + "\"";
    script += "\n" + branch + " (( CURRENT > 2 )) && [[ ${words[2]} == " + name + " ]]; then\n"
              "  words=(${words[1]} ${words[3,-1]}); (( CURRENT-- ))\n"
              "  _arguments -S \\\n" + zsh_specs(*command) + zsh_files(*command);
    branch = "elif";
  }
  script += "else\n  _arguments -S \\\n" + zsh_specs(app) +
            "    '1: :->first' \\\n"
            "    '*:series:_hedgecalc_series'\n"
            "  if [[ $state == first ]]; then\n"
            "    _alternative 'commands:subcommand:((" + alternatives + "))' \\\n"
            "      'series:series:_hedgecalc_series'\n"
            "  fi\n"
            "fi\n";
  return script;
}

}  // namespace hedgecalc
