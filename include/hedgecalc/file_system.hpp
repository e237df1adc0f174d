#pragma once
// The disk, behind an interface so that tests can serve files from memory.

#include <map>
#include <string>

namespace hedgecalc {

/// Where series files come from; "-" names standard input.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// True when path names a regular file (or is "-").
  virtual bool is_file(const std::string& path) const = 0;
  /// The whole contents of path; throws DataError naming the path when it cannot.
  virtual std::string read(const std::string& path) = 0;
  /// Replaces path's contents; throws DataError naming the path when it cannot.
  virtual void write(const std::string& path, const std::string& contents) = 0;
};

/// The real disk and standard input.
class DiskFileSystem : public FileSystem {
 public:
  bool is_file(const std::string& path) const override;
  std::string read(const std::string& path) override;
  void write(const std::string& path, const std::string& contents) override;
};

/// Files held in memory, useful for testing.
class MemoryFileSystem : public FileSystem {
 public:
  /// Adds or replaces a file.
  void add(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  bool is_file(const std::string& path) const override;
  std::string read(const std::string& path) override;
  void write(const std::string& path, const std::string& contents) override {
    files_[path] = contents;
  }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace hedgecalc
