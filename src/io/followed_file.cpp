#include "followed_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

// gzip, bzip2, xz and zstd: what the one-shot reader unpacks, and a follower cannot.
bool looks_compressed(const char* bytes, size_t size) {
  auto starts = [&](const char* magic, size_t length) {
    return size >= length && std::memcmp(bytes, magic, length) == 0;
  };
  return starts("\x1f\x8b", 2) || starts("BZh", 3) || starts("\xfd" "7zXZ", 5) ||
         starts("\x28\xb5\x2f\xfd", 4) || starts("PK\x03\x04", 4);
}

}  // namespace

FollowedFile::FollowedFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    fd_ = 0;
  } else {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw DataError(path_ + ": cannot open: " + std::strerror(errno));
    owned_ = true;
  }
  struct stat status {};
  if (::fstat(fd_, &status) != 0) throw DataError(path_ + ": cannot read: " + std::strerror(errno));
  if (S_ISDIR(status.st_mode)) throw DataError(path_ + ": is a directory");
  stream_ = !S_ISREG(status.st_mode);
  if (stream_) ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

FollowedFile::~FollowedFile() {
  if (owned_) ::close(fd_);
}

void FollowedFile::read_lines(std::string& lines, size_t budget) {
  if (ended_) return;
  if (!stream_) {
    struct stat status {};
    if (::fstat(fd_, &status) == 0 && static_cast<unsigned long long>(status.st_size) < offset_) {
      throw DataError(path_ + ": the file shrank from " + std::to_string(offset_) + " to " +
                      std::to_string(status.st_size) +
                      " bytes while it was followed; rows already read are gone (follow a file "
                      "that only grows)");
    }
  }
  // Bytes are read straight onto the unfinished line, and the whole lines handed over
  // by a swap: the bulk of a backlog is not copied twice.
  constexpr size_t kChunk = size_t{1} << 16;
  size_t taken = 0;
  while (taken < budget) {
    const size_t old_size = partial_.size();
    partial_.resize(old_size + kChunk);
    const ssize_t got = ::read(fd_, &partial_[old_size], kChunk);
    partial_.resize(old_size + static_cast<size_t>(got > 0 ? got : 0));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    if (got < 0) throw DataError(path_ + ": cannot read: " + std::strerror(errno));
    if (got == 0) {
      // A regular file's end is where it stands now; a stream's is the end of its input.
      if (stream_) {
        ended_ = true;
        if (!partial_.empty() && partial_.back() != '\n') partial_.push_back('\n');
      }
      break;
    }
    if (offset_ == 0 && looks_compressed(partial_.data(), partial_.size())) {
      throw DataError(path_ + ": is compressed; --follow reads plain text (unpack it to a pipe: "
                              "zcat FILE | hedgecalc monitor --follow ... -:COLUMN ...)");
    }
    offset_ += static_cast<unsigned long long>(got);
    taken += static_cast<size_t>(got);
  }
  const size_t last_end = partial_.rfind('\n');
  if (last_end == std::string::npos) return;
  if (lines.empty()) {
    lines.swap(partial_);
    partial_.assign(lines, last_end + 1, std::string::npos);
    lines.resize(last_end + 1);
  } else {
    lines.append(partial_, 0, last_end + 1);
    partial_.erase(0, last_end + 1);
  }
}

}  // namespace hedgecalc
