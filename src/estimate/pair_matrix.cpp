#include "hedgecalc/pair_matrix.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <iterator>
#include <cmath>
#include <limits>

#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {
namespace {

// An uninitialised T x K matrix on huge pages (the price and return tables of a wide
// file are the largest buffers a matrix run makes).
Eigen::MatrixXd huge_matrix(Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd m(rows, cols);
  advise_huge_pages(m.data(), static_cast<size_t>(m.size()) * sizeof(double));
  return m;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double period_return(double now, double before, ReturnKind kind) {
  switch (kind) {
    case ReturnKind::kSimple: return now / before - 1.0;
    case ReturnKind::kLog: return std::log(now / before);
    case ReturnKind::kDiff: return now - before;
    case ReturnKind::kNone:
    case ReturnKind::kChanges: return now;
  }
  return kNaN;
}

// Column blocks of the products below. Each block is one single-threaded product, and
// the blocks run on every core: the sums do not depend on the thread count. (Eigen's
// own parallel product picks its blocking from the thread count, which changes the
// last digits of the sums.)
constexpr Eigen::Index kProductBlock = 32;

// A^T B; with lower_only, only the entries on and below the diagonal are computed
// (for symmetric results: A and B the same matrix).
Eigen::MatrixXd cross_product(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B,
                              bool lower_only, const Executor& executor) {
  const Eigen::Index K = B.cols();
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(A.cols(), K);
  const auto blocks = static_cast<size_t>((K + kProductBlock - 1) / kProductBlock);
  executor.for_each(blocks, [&](size_t block) {
    const Eigen::Index c0 = static_cast<Eigen::Index>(block) * kProductBlock;
    const Eigen::Index width = std::min(kProductBlock, K - c0);
    const Eigen::Index r0 = lower_only ? c0 : 0;
    const Eigen::Index rows = A.cols() - r0;
    Eigen::MatrixXd part(rows, width);
    part.noalias() = A.middleCols(r0, rows).transpose() * B.middleCols(c0, width);
    out.block(r0, c0, rows, width) = part;
  });
  return out;
}

// N(a,b) = sum_t M(t,a) M(t,b), S(a,b) = sum_t R(t,a) M(t,b), Q(a,b) = sum_t R(t,a)^2
// M(t,b), R zero where M is. Products of M would cost as much as C; but M has few
// zeros, so each column b takes a's totals less the rows where b has no return (or, for
// a column with fewer returns than gaps, adds up its rows with one). The columns of
// the transposes are the rows of R and M, contiguous across a. Per column b the sums
// run in row order: the results do not depend on the thread count.
void pairwise_sums(const Eigen::MatrixXd& R, const Eigen::MatrixXd& M, Eigen::MatrixXd& N,
                   Eigen::MatrixXd& S, Eigen::MatrixXd& Q, const Executor& executor) {
  const Eigen::Index T = R.rows(), K = R.cols();
  const Eigen::MatrixXd Rt = R.transpose(), Mt = M.transpose();
  const Eigen::MatrixXd R2t = Rt.cwiseProduct(Rt);
  const Eigen::VectorXd count = Mt.rowwise().sum(), total = Rt.rowwise().sum(),
                        squares = R2t.rowwise().sum();
  N.resize(K, K), S.resize(K, K), Q.resize(K, K);
  executor.for_each(static_cast<size_t>(K), [&](size_t column) {
    const auto b = static_cast<Eigen::Index>(column);
    Eigen::Index with = 0;
    for (Eigen::Index t = 0; t < T; ++t) with += M(t, b) != 0;
    const bool subtract = T - with <= with;
    if (subtract) {
      N.col(b) = count, S.col(b) = total, Q.col(b) = squares;
    } else {
      N.col(b).setZero(), S.col(b).setZero(), Q.col(b).setZero();
    }
    for (Eigen::Index t = 0; t < T; ++t) {
      if ((M(t, b) != 0) == subtract) continue;
      const double sign = subtract ? -1.0 : 1.0;
      N.col(b) += sign * Mt.col(t);
      S.col(b) += sign * Rt.col(t);
      Q.col(b) += sign * R2t.col(t);
    }
  });
}

// Every column's prices on the union of all timestamps (NaN where a column has none).
Eigen::MatrixXd price_table(const std::vector<const PriceSeries*>& columns) {
  std::vector<Timestamp> times, merged;
  for (const PriceSeries* c : columns) {
    merged.clear();
    std::set_union(times.begin(), times.end(), c->time.begin(), c->time.end(),
                   std::back_inserter(merged));
    times.swap(merged);
  }
  const auto T = static_cast<Eigen::Index>(times.size());
  const auto K = static_cast<Eigen::Index>(columns.size());
  Eigen::MatrixXd P = huge_matrix(T, K);
  P.setConstant(kNaN);
  for (Eigen::Index j = 0; j < K; ++j) {
    const PriceSeries& c = *columns[static_cast<size_t>(j)];
    Eigen::Index t = 0;
    for (size_t r = 0; r < c.size(); ++r) {
      while (times[static_cast<size_t>(t)] < c.time[r]) ++t;
      P(t, j) = c.price[r];
    }
  }
  return P;
}

// Clean returns R (a price on this row and the one before; any row for kNone), each
// column less its mean `shift`, and M, 1 where R has a return.
struct CleanReturns {
  Eigen::MatrixXd R, M;
  Eigen::VectorXd shift;
};

CleanReturns clean_returns(const Eigen::MatrixXd& P, ReturnKind kind) {
  const Eigen::Index T = P.rows(), K = P.cols();
  const bool differenced = !given_as_values(kind);
  auto present = [&](Eigen::Index t, Eigen::Index j) { return !std::isnan(P(t, j)); };
  CleanReturns c{huge_matrix(T, K), huge_matrix(T, K), Eigen::VectorXd::Zero(K)};
  c.R.setZero(), c.M.setZero();
  for (Eigen::Index j = 0; j < K; ++j) {
    double sum = 0, count = 0;
    for (Eigen::Index t = differenced ? 1 : 0; t < T; ++t) {
      if (!present(t, j) || (differenced && !present(t - 1, j))) continue;
      c.R(t, j) = period_return(P(t, j), differenced ? P(t - 1, j) : 0, kind);
      c.M(t, j) = 1;
      sum += c.R(t, j), count += 1;
    }
    c.shift[j] = count > 0 ? sum / count : 0;
    for (Eigen::Index t = 0; t < T; ++t) {
      if (c.M(t, j) != 0) c.R(t, j) -= c.shift[j];
    }
  }
  return c;
}

// Where each column has prices: last[j][t], the last row <= t with a price (-1: none
// yet), and after_gap[j], the rows with a price whose previous row has none (they start
// returns that span a gap, for every pair that includes j).
struct Gaps {
  std::vector<std::vector<int>> last, after_gap;
};

Gaps find_gaps(const Eigen::MatrixXd& P) {
  const Eigen::Index T = P.rows(), K = P.cols();
  auto present = [&](Eigen::Index t, Eigen::Index j) { return !std::isnan(P(t, j)); };
  Gaps g{std::vector<std::vector<int>>(static_cast<size_t>(K), std::vector<int>(static_cast<size_t>(T), -1)),
         std::vector<std::vector<int>>(static_cast<size_t>(K))};
  for (Eigen::Index j = 0; j < K; ++j) {
    int seen = -1;
    for (Eigen::Index t = 0; t < T; ++t) {
      if (present(t, j)) {
        seen = static_cast<int>(t);
        if (t > 0 && !present(t - 1, j)) g.after_gap[static_cast<size_t>(j)].push_back(seen);
      }
      g.last[static_cast<size_t>(j)][static_cast<size_t>(t)] = seen;
    }
  }
  return g;
}

// The last row before t where columns i and j both have prices (-1: none), by
// leapfrogging their gaps.
int last_common_row(const Gaps& g, size_t i, size_t j, int t) {
  int s = t - 1;
  while (s >= 0) {
    const int li = g.last[i][static_cast<size_t>(s)];
    if (li < 0) return -1;
    const int lj = g.last[j][static_cast<size_t>(li)];
    if (lj < 0) return -1;
    if (lj == li) return li;
    s = lj;
  }
  return -1;
}

// The pair's sums over the rows clean for both, as fed in.
struct PairSums {
  double n, sx, sy, sxx, syy, sxy;
};

// Returns that span a gap of one column of the pair (i, j) but not of the other are
// clean for the pair alone: computed here and added to its sums.
void add_gap_returns(PairSums& sums, const Eigen::MatrixXd& P, const CleanReturns& c,
                     const Gaps& g, size_t i, size_t j, ReturnKind kind,
                     std::vector<int>& candidates) {
  const auto a = static_cast<Eigen::Index>(i), b = static_cast<Eigen::Index>(j);
  candidates.clear();
  std::merge(g.after_gap[i].begin(), g.after_gap[i].end(), g.after_gap[j].begin(),
             g.after_gap[j].end(), std::back_inserter(candidates));
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (int t : candidates) {
    if (std::isnan(P(t, a)) || std::isnan(P(t, b))) continue;
    const int s = last_common_row(g, i, j, t);
    if (s < 0) continue;
    const double x = period_return(P(t, a), P(s, a), kind) - c.shift[a];
    const double y = period_return(P(t, b), P(s, b), kind) - c.shift[b];
    sums.n += 1, sums.sx += x, sums.sy += y, sums.sxx += x * x, sums.syy += y * y, sums.sxy += x * y;
  }
}

// Shifted data: sums about the shift, corrected to the pair's own means.
PairStats centred(const PairSums& s) {
  PairStats p;
  p.n = static_cast<size_t>(s.n);
  if (s.n > 0) {
    p.sxx = std::max(0.0, s.sxx - s.sx * s.sx / s.n);
    p.syy = std::max(0.0, s.syy - s.sy * s.sy / s.n);
    p.sxy = s.sxy - s.sx * s.sy / s.n;
  }
  return p;
}

}  // namespace

PairMatrix::PairMatrix(const std::vector<const PriceSeries*>& columns, ReturnKind kind,
                       const Executor& executor)
    : k_(columns.size()) {
  const Eigen::MatrixXd P = price_table(columns);
  const CleanReturns clean = clean_returns(P, kind);
  // Over the rows clean for both i and j: n, sums of x_i, of x_i^2, of x_i x_j.
  // C is symmetric: its lower half suffices, at about half the cost.
  const Eigen::MatrixXd C = cross_product(clean.R, clean.R, /*lower_only=*/true, executor);
  Eigen::MatrixXd N, S, Q;
  pairwise_sums(clean.R, clean.M, N, S, Q, executor);
  const Gaps gaps = find_gaps(P);
  const bool differenced = !given_as_values(kind);
  upper_.assign(k_ * k_, PairStats{});
  // Each pair writes only its own slot, so rows of pairs run on every core.
  executor.for_each(k_, [&](size_t i) {
    std::vector<int> candidates;
    for (size_t j = i + 1; j < k_; ++j) {
      const auto a = static_cast<Eigen::Index>(i), b = static_cast<Eigen::Index>(j);
      PairSums sums{N(b, a), S(a, b), S(b, a), Q(a, b), Q(b, a), C(b, a)};
      if (differenced) add_gap_returns(sums, P, clean, gaps, i, j, kind, candidates);
      upper_[i * k_ + j] = centred(sums);
    }
  });
}

PairStats PairMatrix::stats(size_t i, size_t j) const {
  if (i < j) return upper_[i * k_ + j];
  PairStats swapped = upper_[j * k_ + i];
  std::swap(swapped.sxx, swapped.syy);
  return swapped;
}

PairResult pair_result(const PairMatrix& matrix, size_t target, size_t proxy) {
  // sxx: the target's, syy: the proxy's.
  const PairStats s = matrix.stats(target, proxy);
  PairResult r{s.n, kNaN, kNaN, kNaN};
  if (s.n < 3 || !(s.syy > 0)) return r;
  r.hedge_ratio = s.sxy / s.syy;
  if (s.sxx > 0) {
    r.correlation = std::clamp(s.sxy / std::sqrt(s.sxx * s.syy), -1.0, 1.0);
    r.effectiveness = std::min(1.0, r.hedge_ratio * s.sxy / s.sxx);
  }
  return r;
}

}  // namespace hedgecalc
