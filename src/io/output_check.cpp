#include "hedgecalc/output_check.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

void check_written(const std::ostream& out) {
  if (out) return;
  // errno still holds the failed write's reason: nothing ran since the stream failed.
  const int error = errno;
  throw DataError(std::string("cannot write the results: ") +
                  (error != 0 ? std::strerror(error) : "write error"));
}

}  // namespace hedgecalc
