#pragma once
// Survives a mapped file that shrinks under us. Touching a page of a mapping past the
// file's new end raises SIGBUS, which would kill the process without a word. While a
// mapping is guarded, the handler puts zero pages in place of the lost ones, notes the
// loss, and lets the reader go on; the reader then reports the file as changed.

#include <cstddef>

namespace hedgecalc {

/// Guards [begin, begin + size); returns its slot, or -1 when every slot is taken (the
/// caller then reads the file instead of mapping it).
int guard_mapping(const void* begin, size_t size);

/// Stops guarding a slot (before its mapping is unmapped).
void unguard_mapping(int slot);

/// True when the guarded mapping has lost pages since guard_mapping.
bool mapping_lost_pages(int slot);

}  // namespace hedgecalc
