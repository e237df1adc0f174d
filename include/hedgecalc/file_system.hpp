#pragma once
// The disk, behind an interface so that tests can serve files from memory.

#include <functional>
#include <map>
#include <new>
#include <memory>
#include <string>
#include <string_view>

#include "hedgecalc/packed_input.hpp"

namespace hedgecalc {

/// The bytes of a file, mapped or held; movable, valid while it lives.
class FileContents {
 public:
  FileContents() = default;
  /// Holds bytes read into memory (standard input, tests).
  explicit FileContents(std::string bytes);
  /// Holds the unpacked bytes of a compressed file.
  explicit FileContents(UnpackedBytes bytes);
  FileContents(FileContents&& other) noexcept;
  FileContents& operator=(FileContents&& other) noexcept;
  FileContents(const FileContents&) = delete;
  FileContents& operator=(const FileContents&) = delete;
  ~FileContents();

  /// Maps a regular file read-only (no copy; pages load as they are read) and keeps
  /// fd open, to tell afterwards whether the file changed. Pages that vanish while
  /// mapped (the file truncated under us) read as zero bytes instead of killing the
  /// process with SIGBUS, and count as a change.
  static FileContents map(const std::string& path, int fd, size_t size);

  /// The bytes.
  std::string_view bytes() const { return view_; }

  /// For unpacked bytes, hands the memory before offset back (they read as zeros after):
  /// a loader that is past them keeps memory near the unpacked size. Otherwise nothing.
  void release_before(size_t offset) { unpacked_.release_before(offset); }

  /// True when the mapped file was truncated, rewritten or lost pages since it was
  /// mapped: what bytes() showed may be a mix of old and new contents.
  bool changed() const;

 private:
  void release();

  std::string held_;
  bool holds_string_ = false;  ///< view_ shows held_ (re-pointed after a move)
  UnpackedBytes unpacked_;
  void* mapping_ = nullptr;
  size_t mapped_size_ = 0;
  int fd_ = -1;
  long long size_at_map_ = 0, mtime_ns_at_map_ = 0;
  int guard_slot_ = -1;  ///< this mapping's slot in the SIGBUS guard, or -1
  std::string_view view_{"", 0};  ///< never a null pointer, even when empty (memchr)
};

/// Runs parse(contents.bytes()) and returns what it returns, unless the file changed
/// while it was read: then whatever parse made of it (a result or an error) gives way
/// to DataError "<label> changed while it was being read".
template <typename Parse>
auto parse_unchanged(const FileContents& contents, const std::string& label, Parse parse)
    -> decltype(parse(contents.bytes()));

/// The loader's ReleaseBytes for contents: memory the loader is past goes back.
inline std::function<void(size_t)> release_behind(FileContents& contents) {
  return [&contents](size_t offset) { contents.release_before(offset); };
}

/// The error parse_unchanged throws.
[[noreturn]] void throw_changed_while_read(const std::string& label);

/// DataError "<label>: out of memory while loading it" (an "out of memory" names its file).
[[noreturn]] void throw_out_of_memory(const std::string& label);

template <typename Parse>
auto parse_unchanged(const FileContents& contents, const std::string& label, Parse parse)
    -> decltype(parse(contents.bytes())) {
  try {
    auto result = parse(contents.bytes());
    if (contents.changed()) throw_changed_while_read(label);
    return result;
  } catch (const std::bad_alloc&) {
    throw_out_of_memory(label);
  } catch (...) {
    if (contents.changed()) throw_changed_while_read(label);
    throw;
  }
}

/// Where series files come from; "-" names standard input.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// True when path names a regular file (or is "-").
  virtual bool is_file(const std::string& path) const = 0;
  /// The whole contents of path; throws DataError naming the path when it cannot.
  virtual FileContents read(const std::string& path) = 0;
  /// Replaces path's contents; throws DataError naming the path when it cannot.
  virtual void write(const std::string& path, const std::string& contents) = 0;

  /// What read() may hold in memory of one input (unpacked, standard input, a pipe);
  /// none: no limit. Mapped files are not limited.
  void set_input_limit(std::optional<size_t> bytes) { input_limit_ = bytes; }
  /// The limit set_input_limit gave.
  std::optional<size_t> input_limit() const { return input_limit_; }

 private:
  std::optional<size_t> input_limit_;
};

/// The real disk (files are memory-mapped; compressed files are unpacked into memory as
/// they are read) and standard input.
class DiskFileSystem : public FileSystem {
 public:
  bool is_file(const std::string& path) const override;
  FileContents read(const std::string& path) override;
  void write(const std::string& path, const std::string& contents) override;
};

/// Files held in memory, useful for testing; compressed ones are unpacked as on disk.
class MemoryFileSystem : public FileSystem {
 public:
  /// Adds or replaces a file.
  void add(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  bool is_file(const std::string& path) const override;
  FileContents read(const std::string& path) override;
  void write(const std::string& path, const std::string& contents) override {
    files_[path] = contents;
  }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace hedgecalc
