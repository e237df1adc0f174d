#pragma once
// Serves the repository's files by their relative paths, wherever a test runs.

#include <string>

#include "hedgecalc/file_system.hpp"
#include "process.hpp"

/// The source tree as a FileSystem; writes go to memory-free /tmp paths unchanged.
class SourceTreeFileSystem : public hedgecalc::FileSystem {
 public:
  bool is_file(const std::string& path) const override { return disk_.is_file(full(path)); }
  hedgecalc::FileContents read(const std::string& path) override {
    return disk_.read(full(path));
  }
  void write(const std::string& path, const std::string& contents) override {
    disk_.write(path, contents);
  }

 private:
  static std::string full(const std::string& path) { return source_dir() + "/" + path; }
  hedgecalc::DiskFileSystem disk_;
};
