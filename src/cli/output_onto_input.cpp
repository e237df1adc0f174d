#include "output_onto_input.hpp"

#include <sys/stat.h>

#include "hedgecalc/error.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {

void refuse_output_onto_inputs(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out;
  if (output.empty() || ::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return;
  for (const std::string& input : inputs) {
    struct stat in;
    if (input == "-" || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      throw UsageError("--output " + printable_message(output) + " is the input " +
                       printable_message(input) +
                       ": the results would replace it; write them to another file");
    }
  }
}

}  // namespace hedgecalc
