#pragma once
// The sup-F search for one structural break (docs/hedgecalc.md ("Stability")): the regression fitted
// on returns [0, b) and [b, n) for every admissible b, in O(n k^2) from updating
// co-moments (centred, Welford-style, with an intercept), never refitting each split.

#include <cstddef>
#include <vector>

#include <Eigen/Dense>

#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// Co-moments of (x_1..x_p, y) over the rows added so far, and the residual sum of
/// squares of y's OLS fit on x over them.
class SegmentMoments {
 public:
  /// p regressors besides the intercept; intercept false fits through the origin.
  SegmentMoments(size_t p, bool intercept);
  /// Adds row i of returns (values[0] is y, values[1..p] are x).
  void add(const ReturnSeries& returns, size_t i);
  /// Residual sum of squares; NaN when the regressors are collinear in the segment.
  double rss() const;
  /// Rows added.
  size_t count() const { return n_; }

 private:
  size_t p_;
  bool intercept_;
  size_t n_ = 0;
  std::vector<double> mean_;              ///< of (x_1..x_p, y); zeros without an intercept
  std::vector<double> moment_;            ///< (p+1)^2 co-moments, row-major, y last
  std::vector<double> work_, old_delta_;  ///< scratch rows for add()
  // rss()'s scratch for two or more regressors, sized once: the search calls it for
  // every split.
  mutable Eigen::MatrixXd sxx_;
  mutable Eigen::VectorXd sxy_;
  mutable Eigen::LLT<Eigen::MatrixXd> llt_;
};

/// Every F_b of the search and where it peaks.
struct BreakSearch {
  size_t from = 0, to = 0;  ///< the admissible b, inclusive (b returns before the break)
  double lambda = 0;        ///< ((n - from) to) / (from (n - to)), for the p-value
  std::vector<double> f;    ///< F_b for b = from..to (NaN where a segment is singular)
  double supf = 0;          ///< the largest F_b
  size_t best = 0;          ///< its b (the first, on ties)
  double rss = 0;           ///< of the fit on every return
};

/// Searches b in [floor(trim n), n - floor(trim n)], kept k + 1 from either end
/// (k = p + intercept), as strucchange's Fstats(from = trim). Throws DataError when
/// no b is admissible.
BreakSearch search_break(const ReturnSeries& returns, bool intercept, double trim);

/// F_b = (RSS - RSS_1 - RSS_2) / ((RSS_1 + RSS_2) / (n - 2k)) for one b.
double break_f(const ReturnSeries& returns, bool intercept, size_t b);

}  // namespace hedgecalc
