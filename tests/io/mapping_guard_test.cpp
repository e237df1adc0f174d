// A mapped file truncated while it is read: the reader sees zero bytes instead of a
// SIGBUS, and FileContents reports the change (file_system + mapping_guard). Files under
// 1 MiB are read into memory instead, a copy no later write can reach.

#include "io/mapping_guard.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "hedgecalc/error.hpp"
#include "hedgecalc/file_system.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {

std::string write_temp_file(size_t bytes) {
  const std::string path = "/tmp/hedgecalc_guard_" + std::to_string(::getpid()) + ".csv";
  std::ofstream out(path, std::ios::binary);
  out << std::string(bytes, 'x');
  return path;
}

}  // namespace

TEST_CASE("pages lost to a truncation read as zeros and count as a change", "[mapping]") {
  const std::string path = write_temp_file(1 << 20);
  DiskFileSystem disk;
  const FileContents contents = disk.read(path);
  REQUIRE(contents.bytes().size() == 1 << 20);
  CHECK(contents.bytes()[0] == 'x');
  CHECK_FALSE(contents.changed());
  REQUIRE(::truncate(path.c_str(), 0) == 0);
  // Past the new end: without the guard this read is a SIGBUS.
  CHECK(contents.bytes()[(1 << 20) - 1] == '\0');
  CHECK(contents.changed());
  CHECK_THROWS_WITH(parse_unchanged(contents, path, [](std::string_view b) { return b.size(); }),
                    Contains("changed while it was being read"));
  std::remove(path.c_str());
}

TEST_CASE("a mapped file grown or rewritten in place counts as a change", "[mapping]") {
  const std::string path = write_temp_file(2 << 20);  // large enough to be mapped
  DiskFileSystem disk;
  const FileContents contents = disk.read(path);
  CHECK(parse_unchanged(contents, path, [](std::string_view b) { return b.size(); }) == 2 << 20);
  {
    std::ofstream more(path, std::ios::app);
    more << "y";
  }
  CHECK(contents.changed());
  std::remove(path.c_str());
}

TEST_CASE("a small file is read whole: later writes do not reach what was read", "[mapping]") {
  const std::string path = write_temp_file(100);
  DiskFileSystem disk;
  const FileContents contents = disk.read(path);
  {
    std::ofstream rewrite(path, std::ios::binary);
    rewrite << "y";
  }
  CHECK(contents.bytes() == std::string(100, 'x'));
  CHECK_FALSE(contents.changed());
  CHECK(parse_unchanged(contents, path, [](std::string_view b) { return b.size(); }) == 100);
  std::remove(path.c_str());
}

TEST_CASE("guard slots are taken and given back", "[mapping]") {
  static const char bytes[64] = {};
  const int a = guard_mapping(bytes, 32), b = guard_mapping(bytes + 32, 32);
  CHECK(a >= 0);
  CHECK(b >= 0);
  CHECK(a != b);
  CHECK_FALSE(mapping_lost_pages(a));
  unguard_mapping(a);
  const int c = guard_mapping(bytes, 32);
  CHECK(c == a);
  unguard_mapping(b);
  unguard_mapping(c);
}
