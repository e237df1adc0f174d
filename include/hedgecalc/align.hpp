#pragma once
// Step 2 of the contract's pipeline: the inner join of several series on exact timestamps.

#include <vector>

#include "hedgecalc/executor.hpp"
#include "hedgecalc/price_series.hpp"

namespace hedgecalc {

/// Rows where every series has a price; prices[k][i] belongs to series k at time[i].
struct AlignedPrices {
  std::vector<Timestamp> time;
  std::vector<std::vector<double>> prices;
  /// Per series: rows whose price found no partner in the join (the contract's alignment).
  std::vector<size_t> unmatched;
};

/// Inner join of sorted, duplicate-free series; O(total rows).
AlignedPrices align_inner(const std::vector<const PriceSeries*>& series);
/// align_inner into aligned, whose vectors keep their capacity (a worker joining pair
/// after pair allocates once); a pair's output buffers are made ready side by side on
/// the executor's threads.
void align_inner(const std::vector<const PriceSeries*>& series, AlignedPrices& aligned,
                 const Executor& executor = Executor(1));

/// As-of join (pandas merge_asof, direction backward): each time of series[0] takes
/// every other series' latest price at or before it, at most max_gap older (no limit
/// when max_gap is negative); times some series cannot fill are dropped. O(total rows).
AlignedPrices align_asof(const std::vector<const PriceSeries*>& series, Timestamp max_gap);

}  // namespace hedgecalc
