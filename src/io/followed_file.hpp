#pragma once
// A file read as it grows, or a pipe read as it flows (monitor --follow): whole lines as
// they arrive. A regular file is read to its current end and read again when asked (as
// `tail -f`); a file that gets shorter than what was read is an error, since rows already
// used would have changed under us.

#include <string>

namespace hedgecalc {

/// One followed input: a path, or "-" for standard input.
class FollowedFile {
 public:
  /// Opens path; throws DataError naming it when it cannot, or when it is compressed
  /// (a compressed stream cannot be followed).
  explicit FollowedFile(std::string path);
  ~FollowedFile();
  FollowedFile(const FollowedFile&) = delete;
  FollowedFile& operator=(const FollowedFile&) = delete;

  /// The path as given.
  const std::string& path() const { return path_; }
  /// True for a pipe, FIFO or terminal: its end is the end of the input.
  bool is_stream() const { return stream_; }
  /// The descriptor to poll (streams only).
  int fd() const { return fd_; }
  /// True once a stream has ended.
  bool ended() const { return ended_; }

  /// Appends to `lines` the whole lines that have arrived (at most about `budget` bytes),
  /// and a stream's last line once it has ended without a line end. Never blocks on a
  /// stream that poll() did not call readable. Throws DataError when a regular file has
  /// shrunk, or reading fails.
  void read_lines(std::string& lines, size_t budget);

 private:
  std::string path_;
  int fd_ = -1;
  bool owned_ = false;
  bool stream_ = false;
  bool ended_ = false;
  unsigned long long offset_ = 0;  // bytes read from a regular file
  std::string partial_;            // the start of a line whose end has not come
};

}  // namespace hedgecalc
