#pragma once
// Order statistics by selection (quantiles, medians, the MAD of a robust fit) in one
// pass over the data: a strided sample brackets the wanted rank, so only the few values
// inside the bracket are selected among, not all n.

#include <cstddef>
#include <vector>

namespace hedgecalc {

/// Two neighbouring order statistics of some values.
struct AdjacentOrder {
  double kth;   ///< the k-th smallest (0-based)
  double next;  ///< the (k+1)-th smallest; equal to kth when k is the last rank
};

/// The k-th and (k+1)-th smallest of values (k < values.size(), no NaN among them),
/// exactly as std::nth_element would find them; values is left as it was.
AdjacentOrder order_statistics(const std::vector<double>& values, size_t k);

/// The median of values (not empty), averaging the two middle ones of an even count.
double median_of(const std::vector<double>& values);

}  // namespace hedgecalc
