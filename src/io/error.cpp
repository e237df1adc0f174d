#include "hedgecalc/error.hpp"

namespace hedgecalc {

std::string location(const std::string& file, size_t line) {
  return file + ":" + std::to_string(line) + ": ";
}

}  // namespace hedgecalc
