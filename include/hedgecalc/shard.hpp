#pragma once
// One part of a job split N ways (`--shard I/N`): part I holds the items whose 0-based
// number mod N is I-1, so N independent runs together do each item exactly once.

#include <cstddef>

namespace hedgecalc {

/// Part `index` (0-based) of `count`; the default is the whole job.
struct Shard {
  size_t index = 0;
  size_t count = 1;
  /// Whether item `item` (0-based) belongs to this part.
  bool holds(size_t item) const { return item % count == index; }
  /// Whether this is the whole job.
  bool whole() const { return count == 1; }
};

}  // namespace hedgecalc
