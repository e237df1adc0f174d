#pragma once
// Compressed and archived inputs (docs/hedgecalc.md ("Input and output files")): a .gz, .zst, .xz,
// .bz2 or a .zip of one CSV is read as the CSV it holds. The packing is recognised by
// the first bytes, never by the name, so pipes and renamed files work the same.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hedgecalc {

/// How a file's bytes are packed.
enum class Packing { kNone, kGzip, kZstd, kXz, kBzip2, kZip };

/// The magic numbers at the start of head; kNone for anything else (a text CSV).
Packing detect_packing(std::string_view head);

/// The name users know the packing by: "gzip", "zstd", "xz", "bzip2", "zip".
const char* packing_name(Packing packing);

/// At least this many leading bytes are needed to tell the packings apart.
constexpr size_t kPackingHeadBytes = 6;

/// Hands out the packed bytes block by block; an empty view means the end. May throw.
using BlockReader = std::function<std::string_view()>;

/// Unpacked bytes in an anonymous mapping that grows in place (mremap), so that a
/// large file costs its unpacked size and not twice that while it grows.
class UnpackedBytes {
 public:
  UnpackedBytes() = default;
  UnpackedBytes(UnpackedBytes&& other) noexcept;
  UnpackedBytes& operator=(UnpackedBytes&& other) noexcept;
  UnpackedBytes(const UnpackedBytes&) = delete;
  UnpackedBytes& operator=(const UnpackedBytes&) = delete;
  ~UnpackedBytes();

  /// Appends bytes; throws DataError when memory runs out.
  void append(const char* data, size_t size);
  /// Hands the memory of the whole pages before offset back to the system; they read
  /// as zeros afterwards (for a reader that has finished with them).
  void release_before(size_t offset);
  /// The bytes so far.
  std::string_view view() const {
    // Never a null pointer, even when empty: the bytes go to memchr and friends.
    return data_ != nullptr ? std::string_view(data_, size_) : std::string_view("", 0);
  }

 private:
  char* data_ = nullptr;
  size_t size_ = 0, capacity_ = 0;
};

/// Unpacks a compressed CSV, or the one file inside a zip, reading next_block until it
/// returns an empty view. Throws DataError naming label on a corrupt or truncated
/// stream, on a zip that holds no file or more than one, when the unpacked bytes pass
/// limit (none: no limit) or start with a NUL byte, and when memory runs out.
UnpackedBytes unpack(Packing packing, const BlockReader& next_block, const std::string& label,
                     std::optional<size_t> limit = std::nullopt);

}  // namespace hedgecalc
