#include "hedgecalc/huge_pages.hpp"

#include <cstdint>

#include <unistd.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace hedgecalc {

namespace {

[[maybe_unused]] constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

}  // namespace

void advise_huge_pages(void* data, std::size_t bytes) {
#if defined(MADV_HUGEPAGE)
  if (data == nullptr || bytes < kHugePage) return;
  const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  // Advice only: where THP is off the kernel ignores it, so the result is not checked.
  if (last > first) (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

void prepare_large_buffer(void* data, std::size_t bytes) {
  advise_huge_pages(data, bytes);
#if defined(MADV_POPULATE_WRITE)
  if (data == nullptr || bytes < kHugePage) return;
  // A block rarely starts on a 2 MiB boundary, so up to 2 MiB at each end stays in
  // 4 KiB pages: about a thousand faults for a few-MB buffer. One call maps them all
  // (on a virtual machine, where each fault traps to the host, P1's system time went
  // from 84 to 38 ms). Kernels before 5.14 refuse the advice; the pages fault in as before.
  static const std::uintptr_t kPage = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(data) & ~(kPage - 1);
  const std::uintptr_t end =
      (reinterpret_cast<std::uintptr_t>(data) + bytes + kPage - 1) & ~(kPage - 1);
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#endif
}

}  // namespace hedgecalc
