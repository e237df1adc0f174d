// Compressed and archived inputs: recognised by their first bytes, unpacked to exactly
// the bytes of the CSV they hold, whatever the block sizes they arrive in.

#include "hedgecalc/packed_input.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"
#include "hedgecalc/file_system.hpp"
#include "process.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {
const std::string kPacked = "tests/data/packed/";

// Feeds bytes in blocks of `step` (1 byte at a time exercises every buffer boundary).
UnpackedBytes unpack_in_steps(Packing packing, const std::string& bytes, size_t step) {
  size_t at = 0;
  const BlockReader reader = [&]() -> std::string_view {
    const std::string_view block = std::string_view(bytes).substr(at, step);
    at += block.size();
    return block;
  };
  return unpack(packing, reader, "test.bin");
}
}  // namespace

TEST_CASE("packings are recognised by their magic numbers, not names", "[packed_input]") {
  using namespace std::string_view_literals;
  CHECK(detect_packing("\x1f\x8b\x08\x00"sv) == Packing::kGzip);
  CHECK(detect_packing("\x28\xb5\x2f\xfd\x04"sv) == Packing::kZstd);
  CHECK(detect_packing("\xfd" "7zXZ\x00\x00"sv) == Packing::kXz);
  CHECK(detect_packing("BZh91AY"sv) == Packing::kBzip2);
  CHECK(detect_packing("PK\x03\x04\x14"sv) == Packing::kZip);
  CHECK(detect_packing("PK\x05\x06"sv) == Packing::kZip);
  // Text that merely starts alike is a CSV.
  CHECK(detect_packing("BZh,price\n"sv) == Packing::kNone);
  CHECK(detect_packing("PK,price\n"sv) == Packing::kNone);
  CHECK(detect_packing("\xfd" "7z"sv) == Packing::kNone);
  CHECK(detect_packing("date,close\n"sv) == Packing::kNone);
  CHECK(detect_packing(""sv) == Packing::kNone);
  CHECK(std::string(packing_name(Packing::kZstd)) == "zstd");
}

TEST_CASE("every packing unpacks to the original bytes, in any block size", "[packed_input]") {
  const std::string token = source_file_text("data/token.csv");
  const std::string btc = source_file_text("data/btc.csv");
  REQUIRE(!token.empty());
  const std::vector<std::tuple<std::string, Packing, const std::string*>> cases = {
      {"token.csv.gz", Packing::kGzip, &token}, {"btc.csv.zst", Packing::kZstd, &btc},
      {"token.csv.xz", Packing::kXz, &token},   {"btc.csv.bz2", Packing::kBzip2, &btc},
      {"token.zip", Packing::kZip, &token}};
  for (const auto& [name, packing, original] : cases) {
    INFO(name);
    const std::string packed = source_file_text(kPacked + name);
    REQUIRE(detect_packing(packed) == packing);
    for (size_t step : {size_t{1}, size_t{7}, size_t{4096}, packed.size()}) {
      CHECK(unpack_in_steps(packing, packed, step).view() == *original);
    }
    // Through both file systems, as the commands read them.
    MemoryFileSystem memory;
    memory.add(name, packed);
    CHECK(memory.read(name).bytes() == *original);
    DiskFileSystem disk;
    CHECK(disk.read(source_dir() + "/" + kPacked + name).bytes() == *original);
  }
}

TEST_CASE("damaged, truncated and many-file inputs are errors naming the file",
          "[packed_input]") {
  MemoryFileSystem files;
  for (const char* name : {"truncated.gz", "damaged.gz", "two.zip"}) {
    files.add(name, source_file_text(kPacked + name));
  }
  CHECK_THROWS_WITH(files.read("truncated.gz"),
                    Contains("truncated.gz: cannot read this gzip file") && Contains("truncated"));
  CHECK_THROWS_WITH(files.read("damaged.gz"),
                    Contains("damaged.gz: starts like a gzip file but is not one"));
  CHECK_THROWS_WITH(files.read("two.zip"),
                    Contains("two.zip: this zip holds more than one file (token.csv, btc.csv"));
  files.add("empty.zip", std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  CHECK_THROWS_WITH(files.read("empty.zip"), Contains("this zip holds no file"));
  // An empty gzip is an empty CSV: the loader says so, not the unpacker.
  files.add("empty.gz", source_file_text(kPacked + "empty.gz"));
  CHECK(files.read("empty.gz").bytes().empty());
  CHECK(files.read("empty.gz").bytes().data() != nullptr);  // memchr takes no null
}

TEST_CASE("a read error while unpacking surfaces as itself", "[packed_input]") {
  const std::string packed = source_file_text(kPacked + "token.csv.gz");
  bool first = true;
  const BlockReader failing = [&]() -> std::string_view {
    if (!first) throw DataError("pipe.gz: read error: Input/output error");
    first = false;
    return std::string_view(packed).substr(0, 100);
  };
  CHECK_THROWS_WITH(unpack(Packing::kGzip, failing, "pipe.gz"),
                    "pipe.gz: read error: Input/output error");
}

TEST_CASE("unpacked bytes grow in place past their first mapping", "[packed_input]") {
  UnpackedBytes bytes;
  std::string expected;
  for (int i = 0; i < 5000; ++i) {
    const std::string piece = std::to_string(i) + std::string(997, static_cast<char>('a' + i % 26));
    bytes.append(piece.data(), piece.size());
    expected += piece;
  }
  REQUIRE(expected.size() > (size_t{4} << 20));
  CHECK(bytes.view() == expected);
  UnpackedBytes moved = std::move(bytes);
  CHECK(moved.view() == expected);
  CHECK(bytes.view().empty());
}
