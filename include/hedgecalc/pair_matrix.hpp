#pragma once
// Every ordered pair of many price columns at once, each pair exactly as its own
// single analysis (its own inner join, returns on its own aligned rows), computed with
// dense products instead of a loop of single analyses.
//
// A pair's returns are of two kinds. On a row where both columns also have a price on
// the row before, the pair's return is each column's own one-row return: these "clean"
// rows are summed for all pairs at once with matrix products over masked returns.
// After a gap in either column, the pair's return spans back to the last row where
// both have prices: those few returns are computed pair by pair and added. All sums
// are of returns shifted by each column's mean (the shifted-data algorithm), never
// raw sums of squares.

#include <string>
#include <vector>

#include "hedgecalc/executor.hpp"
#include "hedgecalc/price_series.hpp"
#include "hedgecalc/returns.hpp"
#include "hedgecalc/shard.hpp"

namespace hedgecalc {

/// Moments of one unordered pair's returns.
struct PairStats {
  size_t n = 0;      ///< number of aligned returns
  double sxx = 0;    ///< centred sum of squares of column i's returns
  double syy = 0;    ///< of column j's
  double sxy = 0;    ///< centred cross-products
};

/// The statistics of every pair of columns, or with a shard of every pair whose target
/// it holds; stats(target, proxy) for target != proxy. A shard's pairs have the whole
/// run's bits.
class PairMatrix {
 public:
  /// Columns must be sorted and duplicate-free (as the loader leaves them).
  PairMatrix(const std::vector<const PriceSeries*>& columns, ReturnKind kind,
             const Executor& executor = Executor(1), Shard shard = Shard{});
  ~PairMatrix();
  /// Number of columns.
  size_t size() const { return k_; }
  /// The part of the pairs computed: those whose target it holds.
  const Shard& shard() const { return shard_; }
  /// The moments of the returns of columns target and proxy on their own aligned rows
  /// (sxx belongs to target, syy to proxy); target must be in the shard.
  PairStats stats(size_t target, size_t proxy) const;

 private:
  struct Inputs;
  void whole_run(const Inputs& in, const Executor& executor);
  void shard_run(const Inputs& in, const Executor& executor);

  size_t k_;
  Shard shard_;
  // Whole: pair i < j at i * k + j. Shard: target t's pairs at (t / N) * k + proxy.
  // Either way oriented as i < j.
  std::vector<PairStats> stats_;
};

/// Hedge ratio of target on proxy, correlation and effectiveness from pair moments
/// (NaN where undefined: fewer than 3 returns, or zero variance).
struct PairResult {
  size_t n;
  double hedge_ratio, correlation, effectiveness;
};

/// The single-analysis figures of target t on proxy p.
PairResult pair_result(const PairMatrix& matrix, size_t target, size_t proxy);

}  // namespace hedgecalc
