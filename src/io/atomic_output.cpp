#include "hedgecalc/atomic_output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

constexpr const char* kTemporarySuffix = ".tmp.";

std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// --output onto a symlink writes the file it points to (the link stays a link).
std::string resolve_link(const std::string& path) {
  struct stat info;
  if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) != nullptr) return resolved;
  // A dangling link: create the file it names.
  std::vector<char> target(PATH_MAX);
  const ssize_t length = ::readlink(path.c_str(), target.data(), target.size() - 1);
  if (length <= 0) return path;
  const std::string name(target.data(), static_cast<size_t>(length));
  return name.front() == '/' ? name : folder_of(path) + "/" + name;
}

// A run killed with SIGKILL leaves its temporary file behind. A live run holds a lock on
// its own, so a temporary file of `path` that can be locked belongs to no one: remove it.
void remove_stale_temporaries(const std::string& path) {
  const std::string folder = folder_of(path);
  const std::string prefix = path.substr(path.rfind('/') + 1) + kTemporarySuffix;
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string stale = folder + "/" + name;
    const int fd = ::open(stale.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) ::unlink(stale.c_str());
    ::close(fd);
  }
  ::closedir(dir);
}

// The mode the results get: an existing file's own bits, else 0666 less the umask.
mode_t result_mode(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) == 0) return info.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Makes a rename in folder durable.
void sync_folder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  // A device or pipe (/dev/stdout, a fifo) is written as it is: it cannot be renamed.
  struct stat info;
  if (::stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    stream_.open(path_, std::ios::binary);
    if (!stream_) throw DataError(path_ + ": cannot write: " + std::strerror(errno));
    return;
  }
  target_ = resolve_link(path_);
  remove_stale_temporaries(target_);
  // mkstemp in FILE's own folder: a rename within one file system is atomic.
  std::vector<char> name(target_.begin(), target_.end());
  const std::string suffix = std::string(kTemporarySuffix) + "XXXXXX";
  name.insert(name.end(), suffix.begin(), suffix.end());
  name.push_back('\0');
  lock_fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  if (lock_fd_ < 0) {
    throw DataError(path_ + ": cannot create a file beside it: " + std::strerror(errno));
  }
  ::flock(lock_fd_, LOCK_EX);  // ours while we live (see remove_stale_temporaries)
  ::fchmod(lock_fd_, result_mode(target_));
  temporary_ = name.data();
  stream_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    ::unlink(temporary_.c_str());
    throw DataError(path_ + ": cannot write: " + std::strerror(errno));
  }
}

AtomicOutput::~AtomicOutput() {
  if (!done_) {
    stream_.close();
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void AtomicOutput::commit() { keep_as(target_.empty() ? path_ : target_); }

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
  // On disk before it takes the name, so a power cut leaves the old file or the new one.
  if (::fsync(lock_fd_) != 0) {
    throw DataError(path_ + ": cannot flush the results to disk: " + std::strerror(errno));
  }
  if (std::rename(temporary_.c_str(), path.c_str()) != 0) {
    throw DataError(path + ": cannot rename the finished file into place: " +
                    std::strerror(errno));
  }
  sync_folder(folder_of(path));
  done_ = true;
}

}  // namespace hedgecalc
