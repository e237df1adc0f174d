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

namespace hedgecalc {

/// Moments of one unordered pair's returns.
struct PairStats {
  size_t n = 0;      ///< number of aligned returns
  double sxx = 0;    ///< centred sum of squares of column i's returns
  double syy = 0;    ///< of column j's
  double sxy = 0;    ///< centred cross-products
};

/// The statistics of every pair of columns; stats(i, j) for i != j.
class PairMatrix {
 public:
  /// Columns must be sorted and duplicate-free (as the loader leaves them).
  PairMatrix(const std::vector<const PriceSeries*>& columns, ReturnKind kind,
             const Executor& executor = Executor(1));
  /// Number of columns.
  size_t size() const { return k_; }
  /// The moments of the returns of columns i and j on their own aligned rows
  /// (sxx belongs to i, syy to j).
  PairStats stats(size_t i, size_t j) const;

 private:
  size_t k_;
  std::vector<PairStats> upper_;  // i < j, row-major
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
