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
    case ReturnKind::kNone: return now;
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
                              bool lower_only) {
  const Eigen::Index K = B.cols();
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(A.cols(), K);
  const long blocks = static_cast<long>((K + kProductBlock - 1) / kProductBlock);
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1)
#endif
  for (long block = 0; block < blocks; ++block) {
    const Eigen::Index c0 = block * kProductBlock;
    const Eigen::Index width = std::min(kProductBlock, K - c0);
    const Eigen::Index r0 = lower_only ? c0 : 0;
    const Eigen::Index rows = A.cols() - r0;
    Eigen::MatrixXd part(rows, width);
    part.noalias() = A.middleCols(r0, rows).transpose() * B.middleCols(c0, width);
    out.block(r0, c0, rows, width) = part;
  }
  return out;
}

// N(a,b) = sum_t M(t,a) M(t,b), S(a,b) = sum_t R(t,a) M(t,b), Q(a,b) = sum_t R(t,a)^2
// M(t,b), R zero where M is. Products of M would cost as much as C; but M has few
// zeros, so each column b takes a's totals less the rows where b has no return (or, for
// a column with fewer returns than gaps, adds up its rows with one). The columns of
// the transposes are the rows of R and M, contiguous across a. Per column b the sums
// run in row order: the results do not depend on the thread count.
void pairwise_sums(const Eigen::MatrixXd& R, const Eigen::MatrixXd& M, Eigen::MatrixXd& N,
                   Eigen::MatrixXd& S, Eigen::MatrixXd& Q) {
  const Eigen::Index T = R.rows(), K = R.cols();
  const Eigen::MatrixXd Rt = R.transpose(), Mt = M.transpose();
  const Eigen::MatrixXd R2t = Rt.cwiseProduct(Rt);
  const Eigen::VectorXd count = Mt.rowwise().sum(), total = Rt.rowwise().sum(),
                        squares = R2t.rowwise().sum();
  N.resize(K, K), S.resize(K, K), Q.resize(K, K);
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 8)
#endif
  for (long column = 0; column < static_cast<long>(K); ++column) {
    const Eigen::Index b = column;
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
  }
}

}  // namespace

PairMatrix::PairMatrix(const std::vector<const PriceSeries*>& columns, ReturnKind kind)
    : k_(columns.size()) {
  // The union of all timestamps, and each column's prices on it (NaN where missing).
  std::vector<Timestamp> times, merged;
  for (const PriceSeries* c : columns) {
    merged.clear();
    std::set_union(times.begin(), times.end(), c->time.begin(), c->time.end(),
                   std::back_inserter(merged));
    times.swap(merged);
  }
  const Eigen::Index T = static_cast<Eigen::Index>(times.size());
  const Eigen::Index K = static_cast<Eigen::Index>(k_);
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
  auto present = [&](Eigen::Index t, Eigen::Index j) { return !std::isnan(P(t, j)); };

  // Clean returns: a price on this row and the one before (any row for kNone).
  const bool differenced = kind != ReturnKind::kNone;
  Eigen::MatrixXd R = huge_matrix(T, K), M = huge_matrix(T, K);
  R.setZero(), M.setZero();
  Eigen::VectorXd shift = Eigen::VectorXd::Zero(K);
  for (Eigen::Index j = 0; j < K; ++j) {
    double sum = 0, count = 0;
    for (Eigen::Index t = differenced ? 1 : 0; t < T; ++t) {
      if (!present(t, j) || (differenced && !present(t - 1, j))) continue;
      R(t, j) = period_return(P(t, j), differenced ? P(t - 1, j) : 0, kind);
      M(t, j) = 1;
      sum += R(t, j), count += 1;
    }
    shift[j] = count > 0 ? sum / count : 0;
    for (Eigen::Index t = 0; t < T; ++t) {
      if (M(t, j) != 0) R(t, j) -= shift[j];
    }
  }
  // Over the rows clean for both i and j: n, sums of x_i, of x_i^2, of x_i x_j.
  // C is symmetric: its lower half suffices, at about half the cost.
  const Eigen::MatrixXd C = cross_product(R, R, /*lower_only=*/true);
  Eigen::MatrixXd N, S, Q;
  pairwise_sums(R, M, N, S, Q);

  // last[j][t]: the last row <= t where column j has a price (-1: none yet).
  std::vector<std::vector<int>> last(k_, std::vector<int>(static_cast<size_t>(T), -1));
  // after_gap[j]: rows with a price whose previous row has none (they start returns
  // that span a gap, for every pair that includes j).
  std::vector<std::vector<int>> after_gap(k_);
  for (Eigen::Index j = 0; j < K; ++j) {
    int seen = -1;
    for (Eigen::Index t = 0; t < T; ++t) {
      if (present(t, j)) {
        seen = static_cast<int>(t);
        if (t > 0 && !present(t - 1, j)) after_gap[static_cast<size_t>(j)].push_back(seen);
      }
      last[static_cast<size_t>(j)][static_cast<size_t>(t)] = seen;
    }
  }

  upper_.assign(k_ * k_, PairStats{});
  // Each pair writes only its own slot, so rows of pairs can run on every core.
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 4)
#endif
  for (long row = 0; row < static_cast<long>(k_); ++row) {
    const auto i = static_cast<size_t>(row);
    std::vector<int> candidates;
    for (size_t j = i + 1; j < k_; ++j) {
      const auto a = static_cast<Eigen::Index>(i), b = static_cast<Eigen::Index>(j);
      double n = N(b, a), sx = S(a, b), sy = S(b, a), sxx = Q(a, b), syy = Q(b, a), sxy = C(b, a);
      if (differenced) {
        candidates.clear();
        std::merge(after_gap[i].begin(), after_gap[i].end(), after_gap[j].begin(),
                   after_gap[j].end(), std::back_inserter(candidates));
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (int t : candidates) {
          if (!present(t, a) || !present(t, b)) continue;
          // The last earlier row where both have prices, by leapfrogging their gaps.
          int s = t - 1, both = -1;
          while (s >= 0) {
            const int li = last[i][static_cast<size_t>(s)];
            if (li < 0) break;
            const int lj = last[j][static_cast<size_t>(li)];
            if (lj < 0) break;
            if (lj == li) {
              both = li;
              break;
            }
            s = lj;
          }
          if (both < 0) continue;
          s = both;
          const double x = period_return(P(t, a), P(s, a), kind) - shift[a];
          const double y = period_return(P(t, b), P(s, b), kind) - shift[b];
          n += 1, sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
        }
      }
      PairStats& p = upper_[i * k_ + j];
      p.n = static_cast<size_t>(n);
      if (n > 0) {
        // Shifted data: sums about the shift, corrected to the pair's own means.
        p.sxx = std::max(0.0, sxx - sx * sx / n);
        p.syy = std::max(0.0, syy - sy * sy / n);
        p.sxy = sxy - sx * sy / n;
      }
    }
  }
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
