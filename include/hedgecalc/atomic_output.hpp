#pragma once
// --output FILE: results go to a temporary file beside FILE, renamed into place only
// when the command succeeds, so FILE is never half-written (the contract "Input and output
// files"). Every write, flush and close is checked; the file is on disk (fsync) before the
// rename and the rename before commit() returns. A symlink's target is written; an
// existing file keeps its mode; a temporary file a killed run left is removed.

#include <fstream>
#include <string>

namespace hedgecalc {

/// A file written under a temporary name and renamed when done.
class AtomicOutput {
 public:
  /// Creates the temporary file beside path, or beside the file a symlink path names (a
  /// device or pipe that exists, such as /dev/stdout, is written directly); throws
  /// DataError when it cannot.
  explicit AtomicOutput(std::string path);
  /// Removes the temporary file unless commit() or keep_as() ran.
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  /// Where the results are written.
  std::ostream& stream() { return stream_; }
  /// Flushes, closes and renames the file to its path; throws DataError on failure.
  void commit();
  /// The same, under another name (an interrupted batch keeps its rows as FILE.partial).
  void keep_as(const std::string& path);

 private:
  std::string path_, target_, temporary_;
  std::ofstream stream_;
  int lock_fd_ = -1;  ///< the temporary file, locked while this run lives
  bool done_ = false;
};

}  // namespace hedgecalc
