#include "hedgecalc/atomic_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  // A device or pipe (/dev/stdout, a fifo) is written as it is: it cannot be renamed.
  struct stat info;
  if (::stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    stream_.open(path_, std::ios::binary);
    if (!stream_) throw DataError(path_ + ": cannot write: " + std::strerror(errno));
    return;
  }
  // mkstemp in FILE's own folder: a rename within one file system is atomic.
  std::vector<char> name(path_.begin(), path_.end());
  const std::string suffix = ".tmp.XXXXXX";
  name.insert(name.end(), suffix.begin(), suffix.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    throw DataError(path_ + ": cannot create a file beside it: " + std::strerror(errno));
  }
  // mkstemp makes the file private (0600); results get the usual mode, 0666 less umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  temporary_ = name.data();
  stream_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    ::unlink(temporary_.c_str());
    throw DataError(path_ + ": cannot write: " + std::strerror(errno));
  }
}

AtomicOutput::~AtomicOutput() {
  if (done_) return;
  stream_.close();
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicOutput::commit() { keep_as(path_); }

void AtomicOutput::keep_as(const std::string& path) {
  stream_.flush();
  const bool written = static_cast<bool>(stream_);
  const int error = errno;
  stream_.close();
  if (!written || stream_.fail()) {
    throw DataError(path_ + ": write error: " + std::strerror(error != 0 ? error : EIO));
  }
  if (temporary_.empty()) {  // written in place
    done_ = true;
    return;
  }
  if (std::rename(temporary_.c_str(), path.c_str()) != 0) {
    throw DataError(path + ": cannot rename the finished file into place: " +
                    std::strerror(errno));
  }
  done_ = true;
}

}  // namespace hedgecalc
