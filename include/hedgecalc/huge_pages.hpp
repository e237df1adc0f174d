#pragma once
// Transparent huge pages for the few buffers known to be large (a loaded column, the
// aligned prices, the returns, the matrix's price and return tables). A million-row
// column spans thousands of 4 KiB pages and the first touch of each is a page fault;
// 2 MiB pages make that 512 times fewer. Asked for at the call site that makes the
// buffer, before anything touches it; the rest of the program allocates as usual.

#include <cstddef>
#include <vector>

namespace hedgecalc {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with huge
/// pages (madvise MADV_HUGEPAGE); does nothing for smaller blocks or where unsupported.
void advise_huge_pages(void* data, std::size_t bytes);

/// advise_huge_pages, then maps every page of [data, data + bytes) in one call
/// (MADV_POPULATE_WRITE), for a large buffer about to be written in full.
void prepare_large_buffer(void* data, std::size_t bytes);

/// Reserves room for n elements of values and, when that is large, prepares the first n
/// (prepare_large_buffer): n is what the caller will fill, the capacity may be more.
template <class T>
void reserve_huge(std::vector<T>& values, std::size_t n) {
  values.reserve(n);
  prepare_large_buffer(values.data(), n * sizeof(T));
}

/// Resizes values to n elements, preparing them (reserve_huge) before they are written.
template <class T>
void resize_huge(std::vector<T>& values, std::size_t n) {
  reserve_huge(values, n);
  values.resize(n);
}

/// n copies of value in a vector whose pages are prepared first (reserve_huge).
template <class T>
std::vector<T> huge_vector(std::size_t n, const T& value = T()) {
  std::vector<T> values;
  reserve_huge(values, n);
  values.assign(n, value);
  return values;
}

/// The first n elements of values, copied into a vector prepared first (reserve_huge).
template <class T>
std::vector<T> huge_head(const std::vector<T>& values, std::size_t n) {
  std::vector<T> head;
  reserve_huge(head, n);
  head.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n));
  return head;
}

}  // namespace hedgecalc
