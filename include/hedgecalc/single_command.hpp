#pragma once
// `hedgecalc [OPTIONS] TARGET PROXY [PROXY...]`: the single analysis, from
// arguments to printed text.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hedgecalc/file_system.hpp"

namespace hedgecalc {

/// Every option of the single analysis, as the user typed it.
struct SingleOptions {
  std::vector<std::string> series;  ///< TARGET then PROXY...
  std::string format = "table";
  bool no_header = false;
  int precision = 4;
  std::string returns = "simple";
  std::string from, to;
  bool headerless = false;
  std::string delimiter;
  std::string date_col;
  std::string date_format;
  double confidence = 0.95;
};

/// Registers the options of the single analysis on app.
void setup_single(CLI::App& app, SingleOptions& options);

/// Runs the analysis and returns the text for stdout; throws hedgecalc::Error.
/// Nothing is printed here, so that an error leaves stdout empty.
std::string run_single(const SingleOptions& options, FileSystem& files);

}  // namespace hedgecalc
