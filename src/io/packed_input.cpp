#include "hedgecalc/packed_input.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>

#include "archive_library.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/huge_pages.hpp"
#include "hedgecalc/input_limit.hpp"

namespace hedgecalc {

Packing detect_packing(std::string_view head) {
  auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  using namespace std::string_view_literals;
  if (starts("\x1f\x8b"sv)) return Packing::kGzip;
  if (starts("\x28\xb5\x2f\xfd"sv)) return Packing::kZstd;
  if (starts("\xfd" "7zXZ\x00"sv)) return Packing::kXz;
  if (starts("BZh"sv) && head.size() > 3 && head[3] >= '1' && head[3] <= '9') {
    return Packing::kBzip2;
  }
  // A local file header, or the end record of an empty archive.
  if (starts("PK\x03\x04"sv) || starts("PK\x05\x06"sv)) return Packing::kZip;
  return Packing::kNone;
}

const char* packing_name(Packing packing) {
  switch (packing) {
    case Packing::kGzip: return "gzip";
    case Packing::kZstd: return "zstd";
    case Packing::kXz: return "xz";
    case Packing::kBzip2: return "bzip2";
    case Packing::kZip: return "zip";
    case Packing::kNone: break;
  }
  return "plain";
}

UnpackedBytes::UnpackedBytes(UnpackedBytes&& other) noexcept { *this = std::move(other); }

UnpackedBytes& UnpackedBytes::operator=(UnpackedBytes&& other) noexcept {
  if (this == &other) return *this;
  if (data_ != nullptr) ::munmap(data_, capacity_);
  data_ = other.data_;
  size_ = other.size_;
  capacity_ = other.capacity_;
  other.data_ = nullptr;
  other.size_ = other.capacity_ = 0;
  return *this;
}

UnpackedBytes::~UnpackedBytes() {
  if (data_ != nullptr) ::munmap(data_, capacity_);
}

void UnpackedBytes::append(const char* data, size_t size) {
  if (size == 0) return;
  if (size_ + size > capacity_) {
    size_t wanted = capacity_ == 0 ? size_t{1} << 20 : capacity_;
    while (wanted < size_ + size) wanted *= 2;
    // mremap moves pages, not bytes: growing never holds two copies.
    void* grown = data_ == nullptr
                      ? ::mmap(nullptr, wanted, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                               -1, 0)
                      : ::mremap(data_, capacity_, wanted, MREMAP_MAYMOVE);
    if (grown == MAP_FAILED) {
      throw DataError("out of memory after unpacking " + std::to_string(size_) + " bytes");
    }
    data_ = static_cast<char*>(grown);
    capacity_ = wanted;
    advise_huge_pages(data_, capacity_);
  }
  std::memcpy(data_ + size_, data, size);
  size_ += size;
}

void UnpackedBytes::release_before(size_t offset) {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t whole = std::min(offset, size_) / page * page;
  if (data_ != nullptr && whole > 0) ::madvise(data_, whole, MADV_DONTNEED);
}

namespace {

// What libarchive's read callback needs; an exception from next_block cannot cross
// libarchive's C frames, so it waits here until control is back in C++.
struct Feed {
  const BlockReader* next_block;
  const ArchiveLibrary* library;
  std::exception_ptr failure;
};

la_ssize_t feed_block(struct archive* archive, void* client, const void** buffer) {
  Feed& feed = *static_cast<Feed*>(client);
  try {
    const std::string_view block = (*feed.next_block)();
    *buffer = block.data();
    return static_cast<la_ssize_t>(block.size());
  } catch (...) {
    feed.failure = std::current_exception();
    feed.library->set_error(archive, EIO, "read error");
    return -1;
  }
}

// Appends, naming the file when memory runs out.
void append_or_say(UnpackedBytes& bytes, std::string_view block, const std::string& label) {
  try {
    bytes.append(block.data(), block.size());
  } catch (const DataError& e) {
    throw DataError(label + ": " + e.what());
  }
}

struct ArchiveFree {
  const ArchiveLibrary* library;
  void operator()(struct archive* archive) const { library->read_free(archive); }
};

}  // namespace

UnpackedBytes unpack(Packing packing, const BlockReader& next_block, const std::string& label,
                     std::optional<size_t> limit) {
  InputGuard guard(label, limit);
  const ArchiveLibrary& lib = archive_library(label);
  std::unique_ptr<struct archive, ArchiveFree> archive(lib.read_new(), ArchiveFree{&lib});
  if (!archive) throw DataError(label + ": out of memory");
  struct archive* a = archive.get();
  switch (packing) {
    case Packing::kGzip: lib.support_gzip(a); break;
    case Packing::kZstd: lib.support_zstd(a); break;
    case Packing::kXz: lib.support_xz(a); break;
    case Packing::kBzip2: lib.support_bzip2(a); break;
    case Packing::kZip: case Packing::kNone: break;
  }
  if (packing == Packing::kZip) {
    lib.support_zip(a);
  } else {
    lib.support_raw(a);
    lib.support_empty(a);  // raw refuses an empty stream; the loader reports it
  }
  Feed feed{&next_block, &lib, nullptr};
  const std::string what = std::string(packing_name(packing));
  auto fail = [&](const char* doing) {
    if (feed.failure) std::rethrow_exception(feed.failure);
    const char* reason = lib.error_string(a);
    throw DataError(label + ": cannot " + doing + " this " + what + " file: " +
                    (reason != nullptr ? reason : "corrupt or truncated"));
  };
  if (lib.read_open(a, &feed, nullptr, feed_block, nullptr) != ARCHIVE_OK) fail("read");

  UnpackedBytes bytes;
  std::string first_name;
  size_t files = 0;
  struct archive_entry* entry = nullptr;
  for (;;) {
    const int status = lib.read_next_header(a, &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) fail("read");
    // Raw reading accepts anything: make sure the decompressor did recognise the stream.
    if (packing != Packing::kZip && lib.filter_code(a, 0) == ARCHIVE_FILTER_NONE) {
      throw DataError(label + ": starts like a " + what +
                      " file but is not one (a damaged header); cannot read it");
    }
    if (packing == Packing::kZip && lib.entry_filetype(entry) != AE_IFREG) continue;
    const char* name = lib.entry_pathname(entry);
    if (++files == 1) {
      first_name = name != nullptr ? name : "";
      char block[1 << 16];
      la_ssize_t got;
      while ((got = lib.read_data(a, block, sizeof block)) > 0) {
        const size_t size = static_cast<size_t>(got);
        guard.admit({block, size}, bytes.view().size() + size);
        append_or_say(bytes, {block, size}, label);
      }
      if (got < 0) fail("unpack");
    } else {
      throw DataError(label + ": this zip holds more than one file (" + first_name + ", " +
                      (name != nullptr ? name : "") +
                      ", ...): hedgecalc reads a zip of one CSV; unzip it and name the file");
    }
  }
  if (packing == Packing::kZip && files == 0) {
    throw DataError(label + ": this zip holds no file; hedgecalc reads a zip of one CSV");
  }
  return bytes;
}

}  // namespace hedgecalc
