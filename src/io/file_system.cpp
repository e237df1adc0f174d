#include "hedgecalc/file_system.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <vector>

#include "hedgecalc/error.hpp"
#include "hedgecalc/input_limit.hpp"
#include "mapping_guard.hpp"

namespace hedgecalc {

FileContents::FileContents(std::string bytes)
    : held_(std::move(bytes)), holds_string_(true), view_(held_) {}

FileContents::FileContents(UnpackedBytes bytes)
    : unpacked_(std::move(bytes)), view_(unpacked_.view()) {}

FileContents::FileContents(FileContents&& other) noexcept { *this = std::move(other); }

FileContents& FileContents::operator=(FileContents&& other) noexcept {
  if (this == &other) return *this;
  release();
  held_ = std::move(other.held_);
  holds_string_ = other.holds_string_;
  unpacked_ = std::move(other.unpacked_);
  mapping_ = other.mapping_;
  mapped_size_ = other.mapped_size_;
  fd_ = other.fd_;
  size_at_map_ = other.size_at_map_;
  mtime_ns_at_map_ = other.mtime_ns_at_map_;
  guard_slot_ = other.guard_slot_;
  view_ = holds_string_ ? std::string_view(held_) : other.view_;
  if (view_.data() == nullptr) view_ = std::string_view("", 0);
  other.mapping_ = nullptr;
  other.mapped_size_ = 0;
  other.fd_ = -1;
  other.guard_slot_ = -1;
  other.view_ = std::string_view("", 0);
  return *this;
}

FileContents::~FileContents() { release(); }

void FileContents::release() {
  unguard_mapping(guard_slot_);
  guard_slot_ = -1;
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
  mapping_ = nullptr;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

namespace {

long long mtime_ns(const struct stat& info) {
  return static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
}

}  // namespace

FileContents FileContents::map(const std::string& path, int fd, size_t size) {
  FileContents contents;
  if (size == 0) return contents;
  void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mapping == MAP_FAILED) throw DataError(path + ": cannot map: " + std::strerror(errno));
  const int slot = guard_mapping(mapping, size);
  if (slot < 0) {  // no guard free: a copy cannot vanish under us
    std::string bytes(static_cast<const char*>(mapping), size);
    ::munmap(mapping, size);
    return FileContents(std::move(bytes));
  }
  // The loader reads front to back once.
  ::madvise(mapping, size, MADV_SEQUENTIAL);
  // The loader's first pass counts the line ends in every page, so mapping them all now
  // costs no memory it would not use; one call instead of a fault per few pages saves
  // about 10 ms of system time on P1 (two 29 MB files). Kernels before 5.14 refuse it.
#if defined(MADV_POPULATE_READ)
  ::madvise(mapping, size, MADV_POPULATE_READ);
#endif
  contents.mapping_ = mapping;
  contents.mapped_size_ = size;
  contents.guard_slot_ = slot;
  contents.view_ = std::string_view(static_cast<const char*>(mapping), size);
  struct stat info;
  if (::fstat(fd, &info) == 0) {
    contents.fd_ = ::dup(fd);
    contents.size_at_map_ = static_cast<long long>(info.st_size);
    contents.mtime_ns_at_map_ = mtime_ns(info);
  }
  return contents;
}

bool FileContents::changed() const {
  if (mapping_ == nullptr) return false;
  if (mapping_lost_pages(guard_slot_)) return true;
  struct stat info;
  if (fd_ < 0 || ::fstat(fd_, &info) != 0) return false;
  return static_cast<long long>(info.st_size) != size_at_map_ || mtime_ns(info) != mtime_ns_at_map_;
}

void throw_changed_while_read(const std::string& label) {
  throw DataError(label + " changed while it was being read (truncated or rewritten by another "
                  "program); run again once it is complete");
}

void throw_out_of_memory(const std::string& label) {
  throw DataError(label + ": out of memory while loading it (a smaller --from/--to range, or a "
                  "machine with more memory)");
}

bool DiskFileSystem::is_file(const std::string& path) const {
  if (path == "-") return true;
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

namespace {

// Reads fd to its end, after the bytes already taken from it (head); a guard, when
// given, sees every block first.
std::string read_rest(int fd, std::string head, const std::string& path, InputGuard* guard) {
  if (guard != nullptr && !head.empty()) guard->admit(head, head.size());
  char buffer[1 << 16];
  ssize_t got;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0) {
    const std::string_view block(buffer, static_cast<size_t>(got));
    if (guard != nullptr) guard->admit(block, head.size() + block.size());
    try {
      head.append(block);
    } catch (const std::bad_alloc&) {
      throw DataError(path + ": out of memory after reading " + std::to_string(head.size()) +
                      " bytes");
    }
  }
  if (got < 0) throw DataError(path + ": read error: " + std::strerror(errno));
  return head;
}

// Unpacks what fd holds after head, block by block: memory holds the unpacked bytes
// and one block of packed ones, whether fd is a file or a pipe.
FileContents unpack_stream(int fd, Packing packing, std::string head, const std::string& path,
                           std::optional<size_t> limit) {
  std::vector<char> block(1 << 18);
  bool head_given = head.empty();
  const BlockReader next_block = [&]() -> std::string_view {
    if (!head_given) {
      head_given = true;
      return head;
    }
    const ssize_t got = ::read(fd, block.data(), block.size());
    if (got < 0) throw DataError(path + ": read error: " + std::strerror(errno));
    return {block.data(), static_cast<size_t>(got)};
  };
  return FileContents(unpack(packing, next_block, path, limit));
}

// The first bytes of a pipe, enough to recognise a packing (fewer at its end).
std::string read_head(int fd, const std::string& path) {
  std::string head;
  char buffer[1 << 16];
  while (head.size() < kPackingHeadBytes) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) throw DataError(path + ": read error: " + std::strerror(errno));
    if (got == 0) break;
    head.append(buffer, static_cast<size_t>(got));
  }
  return head;
}

// A pipe, a device or standard input: recognised by its first bytes, then read whole.
FileContents read_stream(int fd, const std::string& path, std::optional<size_t> limit) {
  std::string head = read_head(fd, path);
  const Packing packing = detect_packing(head);
  if (packing != Packing::kNone) return unpack_stream(fd, packing, std::move(head), path, limit);
  InputGuard guard(path, limit);
  return FileContents(read_rest(fd, std::move(head), path, &guard));
}

// Below this size a file is read into memory rather than mapped: a batch reads hundreds
// of small files, and each unmapping costs a TLB flush on every core the process runs on.
constexpr size_t kReadBelow = 1 << 20;

// A small regular file read whole. A truncation or rewrite during the read shows as a
// size or modification time that differs afterwards, like a mapped file's change.
FileContents read_small(int fd, const struct stat& before, const std::string& path) {
  // Straight into the string (a batch reads hundreds of these): no block to copy from.
  std::string bytes(static_cast<size_t>(before.st_size), '\0');
  size_t filled = 0;
  ssize_t got = 1;
  while (filled < bytes.size() &&
         (got = ::read(fd, bytes.data() + filled, bytes.size() - filled)) > 0) {
    filled += static_cast<size_t>(got);
  }
  if (got < 0) throw DataError(path + ": read error: " + std::strerror(errno));
  char beyond;  // a byte past the size read at the start: the file grew
  const bool grew = filled == bytes.size() && ::read(fd, &beyond, 1) > 0;
  struct stat after;
  if (::fstat(fd, &after) != 0 || after.st_size != before.st_size || filled != bytes.size() ||
      grew || mtime_ns(after) != mtime_ns(before)) {
    throw_changed_while_read(path);
  }
  return FileContents(std::move(bytes));
}

FileContents read_regular(int fd, const struct stat& info, const std::string& path,
                          std::optional<size_t> limit) {
  char head[kPackingHeadBytes];
  const ssize_t got = ::pread(fd, head, sizeof head, 0);
  if (got < 0) throw DataError(path + ": read error: " + std::strerror(errno));
  const Packing packing = detect_packing(std::string_view(head, static_cast<size_t>(got)));
  if (packing != Packing::kNone) return unpack_stream(fd, packing, std::string(), path, limit);
  const size_t size = static_cast<size_t>(info.st_size);
  if (size < kReadBelow) return read_small(fd, info, path);
  return FileContents::map(path, fd, size);
}

}  // namespace

FileContents DiskFileSystem::read(const std::string& path) {
  if (path == "-") return read_stream(STDIN_FILENO, path, input_limit());
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw DataError(path + ": cannot open: " + std::strerror(errno));
  struct stat info;
  if (::fstat(fd, &info) != 0) {
    const int error = errno;
    ::close(fd);
    throw DataError(path + ": cannot open: " + std::strerror(error));
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw DataError(path + ": is a directory, not a CSV file");
  }
  try {
    FileContents contents = S_ISREG(info.st_mode)
                                ? read_regular(fd, info, path, input_limit())
                                : read_stream(fd, path, input_limit());
    ::close(fd);
    return contents;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

void DiskFileSystem::write(const std::string& path, const std::string& contents) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw DataError(path + ": cannot write: " + std::strerror(errno));
  const bool ok = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
  if (std::fclose(file) != 0 || !ok) throw DataError(path + ": write error");
}

bool MemoryFileSystem::is_file(const std::string& path) const { return files_.count(path) > 0; }

FileContents MemoryFileSystem::read(const std::string& path) {
  auto found = files_.find(path);
  if (found == files_.end()) throw DataError(path + ": cannot open: No such file or directory");
  const std::string& bytes = found->second;
  const Packing packing = detect_packing(bytes);
  if (packing == Packing::kNone) return FileContents(bytes);
  bool given = false;
  const BlockReader whole = [&]() -> std::string_view {
    if (given) return {};
    given = true;
    return bytes;
  };
  return FileContents(unpack(packing, whole, path, input_limit()));
}

}  // namespace hedgecalc
