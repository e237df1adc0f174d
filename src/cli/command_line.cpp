#include "hedgecalc/command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <new>
#include <optional>
#include <sstream>

#include "completions.hpp"
#include "hedgecalc/atomic_output.hpp"
#include "batch_command.hpp"
#include "follow_command.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/product_blocking.hpp"
#include "matrix_command.hpp"
#include "output_onto_input.hpp"
#include "hedgecalc/series_spec.hpp"
#include "hedgecalc/output_check.hpp"
#include "single_command.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// CLI11 reads any argument that starts with '-' as an option, so "-:Close" (a column
// of standard input) or "-@decimal=comma" would be refused. Such arguments travel behind this prefix and
// get their own text back after parsing.
constexpr char kShield = '\x1f';

void shield_stdin_series(std::vector<std::string>& args) {
  for (std::string& arg : args) {
    if (arg.size() > 2 && arg[0] == '-' && (arg[1] == ':' || arg[1] == '@')) {
      arg.insert(arg.begin(), kShield);
    }
  }
}

void unshield(std::vector<std::string>& values) {
  for (std::string& value : values) {
    if (!value.empty() && value[0] == kShield) value.erase(value.begin());
  }
}

// --help in at most 100 columns: each option's description wrapped at word boundaries
// beside the 30-column option names (CLI11 indents each new line to that column).
class WrappingFormatter : public CLI::Formatter {
 public:
  std::string make_option_desc(const CLI::Option* option) const override {
    constexpr size_t kHelpWidth = 100;
    const size_t width = kHelpWidth - get_column_width();
    const std::string text = CLI::Formatter::make_option_desc(option);
    std::string wrapped, line;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
      if (!line.empty() && line.size() + 1 + word.size() > width) {
        wrapped += line + '\n';
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    return wrapped + line;
  }
};

int report(std::ostream& err, const std::string& message, ExitCode code) {
  err << "hedgecalc: error: " << printable_message(message) << '\n';
  return static_cast<int>(code);
}

// The program: every command's options bound to its own model.
struct Program {
  CLI::App app{"hedgecalc: minimum-variance hedge ratios, effectiveness and stability\n"
               "of a cross hedge, from CSV price files.",
               "hedgecalc"};
  SingleOptions single;
  SingleOptions monitor;
  BatchOptions batch;
  MatrixOptions matrix;
  std::string shell;  // completions
  CLI::App* monitor_command = nullptr;
  CLI::App* batch_command = nullptr;
  CLI::App* matrix_command = nullptr;
  CLI::App* completions_command = nullptr;

  Program() {
    app.formatter(std::make_shared<WrappingFormatter>());
    app.set_version_flag("--version", "hedgecalc " HEDGECALC_VERSION " (commit " HEDGECALC_COMMIT ")");
    app.footer(
        "Examples:\n"
        "  hedgecalc token.csv btc.csv\n"
        "  hedgecalc --format json stock.csv:Close index.csv:Close\n"
        "  cat prices.csv | hedgecalc -:Close index.csv\n"
        "  hedgecalc stock.csv eu.csv:Close@delimiter=semicolon@decimal=comma@thousands=dot\n"
        "Reading options after a series apply to its file only: @delimiter=, @decimal=,\n"
        "@thousands=, @date-col=, @date-format=, @headerless. Compressed files (.gz, .zst,\n"
        ".xz, .bz2, a .zip of one CSV) are read as the CSV they hold.\n"
        "Exit codes: 0 ok, 1 data error, 2 usage error, 3 threshold not met.");
    setup_single(app, single);
    monitor_command = app.add_subcommand(
        "monitor", "Watch a hedge after a history: a sequential break test with a false-alarm "
                   "rate of alpha over the whole monitoring period (exit 3 on an alarm)");
    setup_monitor(*monitor_command, monitor);
    batch_command = app.add_subcommand(
        "batch", "One analysis per row of a PAIRS file (target, proxy, optional id)");
    setup_batch(*batch_command, batch);
    matrix_command =
        app.add_subcommand("matrix", "Every ordered pair of the price columns of wide CSV files");
    setup_matrix(*matrix_command, matrix);
    // Hidden (no group): the shell completions, made from the options above.
    completions_command = app.add_subcommand("completions", "Print a shell completion script");
    completions_command->group("");
    completions_command->add_option("shell", shell, "bash or zsh")
        ->check(CLI::IsMember({"bash", "zsh"}))
        ->required();
  }

  // Every rule between options, once, before any file is read; throws UsageError.
  void validate() {
    if (*batch_command) {
      validate_batch_command(batch);
    } else if (*monitor_command) {
      validate_single_command(monitor);
    } else if (*matrix_command) {
      validate_matrix_command(matrix);
    } else {
      validate_single_command(single);
    }
  }

  // The single form's options: the plain command's or monitor's.
  const SingleOptions& single_form() const { return *monitor_command ? monitor : single; }

  const SingleOptions& options() const {
    return *batch_command ? batch.analysis : *matrix_command ? matrix.analysis : single_form();
  }

  const std::string& output() const { return options().output; }

  // The files the command reads that its arguments name (batch's price files come from
  // PAIRS: run_batch checks those).
  std::vector<std::string> named_inputs(const FileSystem& files) const {
    std::vector<std::string> inputs;
    const SingleOptions& options = this->options();
    if (options.carry_series) inputs.push_back(parse_series_spec(*options.carry_series, files).path);
    if (*batch_command) {
      inputs.push_back(batch.pairs);
    } else if (*matrix_command) {
      inputs.insert(inputs.end(), matrix.prices.begin(), matrix.prices.end());
    } else {
      for (const std::string& series : single_form().series) {
        inputs.push_back(parse_series_spec(series, files).path);
      }
    }
    return inputs;
  }

  // Runs the command, writing results to `results`; returns its exit code.
  int run(FileSystem& files, std::ostream& results, std::ostream& err, bool err_is_terminal) {
    if (*batch_command) return run_batch(batch, files, results, err, err_is_terminal);
    if (*matrix_command) {
      const int code = run_matrix(matrix, files, results);
      check_written(results);
      return code;
    }
    if (single_form().follow) return run_follow(single_form(), files, results, err);
    const CommandResult result = run_single(single_form(), files);
    results << result.out << std::flush;
    check_written(results);
    err << result.err;
    return result.exit_code;
  }
};

// Runs the parsed and validated command into --output FILE or out. A finished command
// (a batch with failed pairs included) puts its file in place; an interrupted batch
// keeps its whole rows beside it, for --resume.
int run_with_output(Program& program, FileSystem& files, std::ostream& out, std::ostream& err,
                    bool err_is_terminal) {
  const std::string& output = program.output();
  refuse_output_onto_inputs(output, program.named_inputs(files));
  files.set_input_limit(program.options().input_limit);
  std::optional<AtomicOutput> file;
  if (!output.empty()) file.emplace(output);
  const int code = program.run(files, file ? file->stream() : out, err, err_is_terminal);
  if (file && code >= 128) {
    file->keep_as(output + ".partial");
    err << "hedgecalc: the rows written so far are in " << printable_message(output) << ".partial\n";
  } else if (file) {
    file->commit();
  }
  return code;
}

}  // namespace

int run_command_line(std::vector<std::string> args, FileSystem& files, std::ostream& out,
                     std::ostream& err, bool err_is_terminal) {
  pin_product_blocking();
  Program program;
  try {
    shield_stdin_series(args);
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    program.app.parse(args);
    unshield(program.single.series);
    unshield(program.monitor.series);
  } catch (const CLI::Success& e) {  // --help, --version
    return program.app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "hedgecalc: error: " << printable_message(e.what())
        << "\nRun 'hedgecalc --help' for usage.\n";
    return static_cast<int>(ExitCode::kUsageError);
  } catch (const Error& e) {  // an option's own parser (--max-gap, --periods-per-year)
    return report(err, e.what(), e.code());
  }
  if (*program.completions_command) {
    out << (program.shell == "bash" ? bash_completion(program.app) : zsh_completion(program.app))
        << std::flush;
    return static_cast<int>(ExitCode::kSuccess);
  }
  try {
    program.validate();
    return run_with_output(program, files, out, err, err_is_terminal);
  } catch (const Error& e) {
    return report(err, e.what(), e.code());
  } catch (const std::bad_alloc&) {
    return report(err, "out of memory after the inputs were read (while aligning, estimating "
                       "or writing the results)",
                  ExitCode::kDataError);
  } catch (const std::exception& e) {
    return report(err, std::string("internal error: ") + e.what(), ExitCode::kDataError);
  }
}

}  // namespace hedgecalc
