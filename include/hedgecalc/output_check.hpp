#pragma once
// A failed write of results (a full disk, /dev/full, an I/O error) is an error, never a
// silent exit 0 with results lost.

#include <ostream>

namespace hedgecalc {

/// Throws DataError ("cannot write the results: No space left on device") when out
/// has failed; call it after writing and after the final flush.
void check_written(const std::ostream& out);

}  // namespace hedgecalc
