#include "hedgecalc/input_limit.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {
namespace {

// The cgroup's memory limit (v2, then v1); none when unlimited or not in a cgroup.
std::optional<size_t> cgroup_limit() {
  for (const char* path : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    std::ifstream file(path);
    std::string text;
    if (!(file >> text) || text == "max") continue;
    const auto limit = std::strtoull(text.c_str(), nullptr, 10);
    // v1 says "no limit" with a number near 2^63.
    if (limit > 0 && limit < (1ULL << 60)) return static_cast<size_t>(limit);
  }
  return std::nullopt;
}

}  // namespace

size_t default_input_limit() {
  size_t available = static_cast<size_t>(::sysconf(_SC_PHYS_PAGES)) *
                     static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  if (const auto cgroup = cgroup_limit()) available = std::min(available, *cgroup);
  struct rlimit address_space;
  if (::getrlimit(RLIMIT_AS, &address_space) == 0 && address_space.rlim_cur != RLIM_INFINITY) {
    available = std::min(available, static_cast<size_t>(address_space.rlim_cur));
  }
  return available / 2;
}

std::optional<size_t> parse_input_limit(const std::string& text) {
  if (iequals(text, "none")) return std::nullopt;
  const auto fail = [&]() -> std::optional<size_t> {
    throw UsageError(flag_for(Setting::kMaxInputSize) + " " + printable_message(text) +
                     ": expected a number of bytes with an optional K, M or G (64M, 2G) or none");
  };
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 15 || text.size() > digits + 1) return fail();
  size_t shift = 0;
  if (text.size() == digits + 1) {
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
    shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 64;
    if (shift == 64) return fail();
  }
  const unsigned long long value = std::stoull(text.substr(0, digits));
  if (value == 0 || value > (~0ULL >> shift)) return fail();
  return static_cast<size_t>(value << shift);
}

std::string describe_size(size_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) value /= 1024, ++unit;
  return unit == 0 ? std::to_string(bytes) + " bytes"
                   : significant_decimal(value, 3) + " " + units[unit];
}

void InputGuard::admit(std::string_view block, size_t total) {
  if (first_ && std::memchr(block.data(), '\0', block.size()) != nullptr) {
    throw DataError(label_ + ": NUL bytes in its first block: this is not a text CSV file");
  }
  first_ = false;
  if (limit_ && total > *limit_) {
    throw DataError(label_ + ": more than " + describe_size(*limit_) + " to hold in memory, the " +
                    flag_for(Setting::kMaxInputSize) + " limit (default: half the memory " +
                    "available); raise it (" + flag_for(Setting::kMaxInputSize) +
                    " 64G or none), or unpack the file to disk, where it is mapped, not held");
  }
}

}  // namespace hedgecalc
