// hedgecalc's entry point: wires the commands together and turns every error into
// one "hedgecalc: error: ..." line and SPEC.md's exit code.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "hedgecalc/batch_command.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/file_system.hpp"
#include "hedgecalc/matrix_command.hpp"
#include "hedgecalc/single_command.hpp"

int main(int argc, char** argv) {
  using hedgecalc::ExitCode;
  CLI::App app{"hedgecalc: minimum-variance hedge ratios, effectiveness and stability\n"
               "of a cross hedge, from CSV price files.",
               "hedgecalc"};
  app.set_version_flag("--version", "hedgecalc " HEDGECALC_VERSION);
  app.footer(
      "Examples:\n"
      "  hedgecalc token.csv btc.csv\n"
      "  hedgecalc --format json stock.csv:Close index.csv:Close\n"
      "Exit codes: 0 ok, 1 data error, 2 usage error, 3 threshold not met.");
  hedgecalc::SingleOptions single;
  hedgecalc::setup_single(app, single);
  CLI::App* batch_command = app.add_subcommand(
      "batch", "One analysis per row of a PAIRS file (target, proxy, optional id columns)");
  hedgecalc::BatchOptions batch;
  hedgecalc::setup_batch(*batch_command, batch);
  CLI::App* matrix_command =
      app.add_subcommand("matrix", "Every ordered pair of the price columns of wide CSV files");
  hedgecalc::MatrixOptions matrix;
  hedgecalc::setup_matrix(*matrix_command, matrix);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "hedgecalc: error: " << e.what() << "\nRun 'hedgecalc --help' for usage.\n";
    return static_cast<int>(ExitCode::kUsageError);
  }

  try {
    hedgecalc::DiskFileSystem files;
    if (*batch_command) {
      return hedgecalc::run_batch(batch, files, std::cout, std::cerr, ::isatty(2) != 0);
    }
    const hedgecalc::CommandResult result = *matrix_command
                                                ? hedgecalc::run_matrix(matrix, files)
                                                : hedgecalc::run_single(single, files);
    std::cout << result.out << std::flush;
    std::cerr << result.err;
    return result.exit_code;
  } catch (const hedgecalc::Error& e) {
    std::cerr << "hedgecalc: error: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    std::cerr << "hedgecalc: error: out of memory\n";
    return static_cast<int>(ExitCode::kDataError);
  } catch (const std::exception& e) {
    std::cerr << "hedgecalc: error: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::kDataError);
  }
}
