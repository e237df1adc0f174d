// Large buffers on transparent huge pages. A million-row series spans thousands of
// 4 KiB pages, and the first touch of each is a page fault: on the virtual machines
// hedgecalc is measured on, those faults were a third of a run's time. Asking the kernel
// for 2 MiB pages (madvise MADV_HUGEPAGE, honoured where THP is "madvise" or "always")
// makes that 512 times fewer faults for the same memory. Only the executable replaces
// the global allocation functions; the library and its tests allocate as usual.

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

// AddressSanitizer brings its own operator new; leave it in charge.
#if defined(__SANITIZE_ADDRESS__)
#define HEDGECALC_KEEP_OPERATOR_NEW
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEDGECALC_KEEP_OPERATOR_NEW
#endif
#endif

#if defined(MADV_HUGEPAGE) && !defined(HEDGECALC_KEEP_OPERATOR_NEW)

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

// Asks for huge pages for the whole huge pages inside a block, before anything touches them.
void advise_huge(void* block, std::size_t size) {
  const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + size) & ~(kHugePage - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

void* allocate(std::size_t size) {
  void* block = std::malloc(size != 0 ? size : 1);
  if (block == nullptr) throw std::bad_alloc();
  if (size >= kHugePage) advise_huge(block, size);
  return block;
}

// The many small blocks (a batch's thousands of short series) come from malloc's heap:
// its first 240 MiB on huge pages, set up before main (in blocks below the mmap
// threshold, or malloc would map them apart and unmap them on free).
// Reserving address space costs nothing until it is touched.
struct HugeHeap {
  HugeHeap() {
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // Blocks below the mmap threshold come from the heap, one after the other.
    constexpr std::size_t kBlock = std::size_t{30} << 20, kBlocks = 8;
    void* blocks[kBlocks] = {};
    for (void*& block : blocks) {
      block = std::malloc(kBlock);
      if (block == nullptr) break;
      advise_huge(block, kBlock);
    }
    for (void* block : blocks) std::free(block);
  }
};
const HugeHeap huge_heap;

void* allocate_or_null(std::size_t size) noexcept {
  try {
    return allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

}  // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null(size);
}
void operator delete(void* block) noexcept {
  std::free(block);
}
void operator delete[](void* block) noexcept {
  std::free(block);
}
void operator delete(void* block, std::size_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::size_t) noexcept {
  std::free(block);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
  std::free(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
  std::free(block);
}

#endif
