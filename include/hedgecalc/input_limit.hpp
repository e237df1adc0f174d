#pragma once
// --max-input-size: how much of an input hedgecalc may hold in memory. Plain files are
// mapped and not limited; an unpacked compressed file, standard input and a pipe are held,
// so a 785 KB .zst that unpacks to 8 GiB, or /dev/zero, must stop with a message naming
// the file instead of eating the machine.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hedgecalc {

/// Half of the memory this process may use: the smaller of physical memory, the cgroup's
/// limit and RLIMIT_AS (the contract's default for --max-input-size).
size_t default_input_limit();

/// Reads a size: a whole number of bytes with an optional K, M or G suffix (any case,
/// powers of 1024), or "none" (no limit, as nullopt). Throws UsageError otherwise.
std::optional<size_t> parse_input_limit(const std::string& text);

/// "2.5 GiB", "512 MiB", "900 bytes": a limit as messages show it.
std::string describe_size(size_t bytes);

/// Watches the bytes of one input as they arrive: throws DataError naming it past the
/// limit, and at once when its first block holds a NUL byte (binary data, /dev/zero).
class InputGuard {
 public:
  InputGuard(std::string label, std::optional<size_t> limit)
      : label_(std::move(label)), limit_(limit) {}
  /// Call with each new block before keeping it; `total` is the size with the block.
  void admit(std::string_view block, size_t total);

 private:
  std::string label_;
  std::optional<size_t> limit_;
  bool first_ = true;
};

}  // namespace hedgecalc
