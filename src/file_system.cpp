#include "hedgecalc/file_system.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

bool DiskFileSystem::is_file(const std::string& path) const {
  if (path == "-") return true;
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string DiskFileSystem::read(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    throw DataError(path + ": cannot open: " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) throw DataError(path + ": is a directory, not a CSV file");
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw DataError(path + ": cannot open: " + std::strerror(errno));
  std::string contents;
  if (S_ISREG(info.st_mode)) contents.reserve(static_cast<size_t>(info.st_size));
  char buffer[1 << 16];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) contents.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw DataError(path + ": read error");
  return contents;
}

void DiskFileSystem::write(const std::string& path, const std::string& contents) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw DataError(path + ": cannot write: " + std::strerror(errno));
  const bool ok = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
  if (std::fclose(file) != 0 || !ok) throw DataError(path + ": write error");
}

bool MemoryFileSystem::is_file(const std::string& path) const { return files_.count(path) > 0; }

std::string MemoryFileSystem::read(const std::string& path) {
  auto found = files_.find(path);
  if (found == files_.end()) throw DataError(path + ": cannot open: No such file or directory");
  return found->second;
}

}  // namespace hedgecalc
