#pragma once
// --output naming one of the command's inputs would replace the data with the results.

#include <string>
#include <vector>

namespace hedgecalc {

/// Throws UsageError when output is, by any path (a link, "./", a hard link), the same file
/// as one of inputs. "-", an empty output and an output that does not exist pass.
void refuse_output_onto_inputs(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace hedgecalc
