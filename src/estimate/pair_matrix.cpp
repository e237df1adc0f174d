#include "hedgecalc/pair_matrix.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstdint>
#include <limits>

#include "column_products.hpp"
#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {
namespace {

// An uninitialised T x K matrix on huge pages (the price and return tables of a wide
// file are the largest buffers a matrix run makes).
template <class Matrix = Eigen::MatrixXd>
Matrix huge_matrix(Eigen::Index rows, Eigen::Index cols) {
  Matrix m(rows, cols);
  prepare_large_buffer(m.data(), static_cast<size_t>(m.size()) * sizeof(double));
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

// N(a,b) = sum_t M(t,a) M(t,b), S(a,b) = sum_t R(t,a) M(t,b), Q(a,b) = sum_t R(t,a)^2
// M(t,b), R zero where M is. Products of M would cost as much as C; but M has few
// zeros, so each column b takes a's totals less the rows where b has no return (or, for
// a column with fewer returns than gaps, adds up its rows with one).
struct MaskedSums {
  Eigen::MatrixXd N, S, Q;  // row: an entry of `rows`, column: an entry of `columns`
};

// The transposed returns, their squares and the mask (columns of the transposes are the
// rows of R and M, contiguous across a), with each row's totals.
struct Transposed {
  Eigen::MatrixXd Rt, Mt, R2t;
  Eigen::VectorXd count, total, squares;
};

Transposed transposed(const Eigen::MatrixXd& R, const Eigen::MatrixXd& M) {
  const Eigen::Index T = R.rows(), K = R.cols();
  Transposed x{huge_matrix(K, T), huge_matrix(K, T), huge_matrix(K, T), {}, {}, {}};
  x.Rt = R.transpose(), x.Mt = M.transpose();
  x.R2t = x.Rt.cwiseProduct(x.Rt);
  x.count = x.Mt.rowwise().sum(), x.total = x.Rt.rowwise().sum(),
  x.squares = x.R2t.rowwise().sum();
  return x;
}

// Only the rows `rows` of x (the totals are those of every row, so an entry's value
// does not depend on which rows are kept).
Transposed rows_of(const Transposed& x, const std::vector<Eigen::Index>& rows) {
  const auto r = static_cast<Eigen::Index>(rows.size()), T = x.Rt.cols();
  Transposed kept{Eigen::MatrixXd(r, T), Eigen::MatrixXd(r, T), Eigen::MatrixXd(r, T),
                  Eigen::VectorXd(r), Eigen::VectorXd(r), Eigen::VectorXd(r)};
  for (Eigen::Index i = 0; i < r; ++i) {
    const Eigen::Index a = rows[static_cast<size_t>(i)];
    kept.Rt.row(i) = x.Rt.row(a), kept.Mt.row(i) = x.Mt.row(a), kept.R2t.row(i) = x.R2t.row(a);
    kept.count[i] = x.count[a], kept.total[i] = x.total[a], kept.squares[i] = x.squares[a];
  }
  return kept;
}

// The sums of x's rows against the columns `columns` of M. Each entry is its own chain
// of additions in row order, whatever the other entries: the results do not depend on
// the thread count or on which rows and columns are asked for.
MaskedSums masked_sums(const Transposed& x, const Eigen::MatrixXd& M,
                       const std::vector<Eigen::Index>& columns, const Executor& executor) {
  const Eigen::Index T = M.rows(), rows = x.Rt.rows();
  const auto width = static_cast<Eigen::Index>(columns.size());
  MaskedSums out{Eigen::MatrixXd(rows, width), Eigen::MatrixXd(rows, width),
                 Eigen::MatrixXd(rows, width)};
  executor.for_each(columns.size(), [&](size_t column) {
    const auto c = static_cast<Eigen::Index>(column);
    const Eigen::Index b = columns[column];
    Eigen::Index with = 0;
    for (Eigen::Index t = 0; t < T; ++t) with += M(t, b) != 0;
    const bool subtract = T - with <= with;
    if (subtract) {
      out.N.col(c) = x.count, out.S.col(c) = x.total, out.Q.col(c) = x.squares;
    } else {
      out.N.col(c).setZero(), out.S.col(c).setZero(), out.Q.col(c).setZero();
    }
    for (Eigen::Index t = 0; t < T; ++t) {
      if ((M(t, b) != 0) == subtract) continue;
      const double sign = subtract ? -1.0 : 1.0;
      out.N.col(c) += sign * x.Mt.col(t);
      out.S.col(c) += sign * x.Rt.col(t);
      out.Q.col(c) += sign * x.R2t.col(t);
    }
  });
  return out;
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

// Where each column has prices: present[j], a bit per row (a column's bits are a few
// hundred bytes where its prices are kilobytes, so a pair's look-ups stay in cache), and
// the rows with a price whose previous row has none (they start returns that span a
// gap, for every pair that includes the column), with the prices a pair reads there.
struct GapRows {
  std::vector<int> row;         // rows with a price after a row without
  std::vector<int> before;      // the column's last row with a price before each (-1: none)
  std::vector<double> price, price_before;
};

struct Gaps {
  std::vector<std::vector<std::uint64_t>> present;
  std::vector<GapRows> after_gap;
  bool has(size_t j, int t) const {
    return (present[j][static_cast<size_t>(t) / 64] >> (static_cast<unsigned>(t) % 64)) & 1U;
  }
};

Gaps find_gaps(const Eigen::MatrixXd& P) {
  const Eigen::Index T = P.rows(), K = P.cols();
  Gaps g;
  g.present.assign(static_cast<size_t>(K), std::vector<std::uint64_t>(static_cast<size_t>(T + 63) / 64, 0));
  g.after_gap.resize(static_cast<size_t>(K));
  for (Eigen::Index j = 0; j < K; ++j) {
    auto& bits = g.present[static_cast<size_t>(j)];
    GapRows& gaps = g.after_gap[static_cast<size_t>(j)];
    int last = -1;
    for (Eigen::Index t = 0; t < T; ++t) {
      if (std::isnan(P(t, j))) continue;
      bits[static_cast<size_t>(t) / 64] |= std::uint64_t{1} << (t % 64);
      if (t > 0 && std::isnan(P(t - 1, j))) {
        gaps.row.push_back(static_cast<int>(t)), gaps.before.push_back(last);
        gaps.price.push_back(P(t, j)), gaps.price_before.push_back(last < 0 ? kNaN : P(last, j));
      }
      last = static_cast<int>(t);
    }
  }
  return g;
}

// The last row before t where columns i and j both have prices (-1: none): the highest
// bit below t of the two columns' bits and-ed, a word at a time.
int last_common_row(const Gaps& g, size_t i, size_t j, int t) {
  if (t <= 0) return -1;
  const auto below = static_cast<size_t>(t - 1);
  for (size_t w = below / 64 + 1; w-- > 0;) {
    std::uint64_t both = g.present[i][w] & g.present[j][w];
    if (w == below / 64 && below % 64 != 63) both &= (std::uint64_t{1} << (below % 64 + 1)) - 1;
    if (both != 0) return static_cast<int>(w * 64 + 63 - static_cast<size_t>(__builtin_clzll(both)));
  }
  return -1;
}

// The pair's sums over the rows clean for both, as fed in.
struct PairSums {
  double n, sx, sy, sxx, syy, sxy;
};

// Returns that span a gap of one column of the pair (i, j) but not of the other are
// clean for the pair alone: computed here and added to its sums.
// Prices with each row's columns side by side: a pair's gap returns read the rows of the
// gaps, and with one column fixed while the other runs over all columns those reads go
// along the rows (a column-major table would cost a cache miss per read).
using RowMajorPrices = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The prices a pair's gap returns read, from where they are cheapest to read: a column's
// own gap rows from its gap list; the column held fixed while the other runs over every
// column (the target of a shard, i of the whole run) from the column-major table, whose
// column stays in cache; the other column along the rows of the row-major table.
struct PriceTables {
  const Eigen::MatrixXd& by_column;
  const RowMajorPrices& by_row;
  size_t fixed;
};

// A column's prices at row t and at an earlier row s; k is the position in its gap list
// where t would be.
std::pair<double, double> prices_at(const PriceTables& tables, const GapRows& gaps, size_t k,
                                    size_t column, int t, int s) {
  if (k < gaps.row.size() && gaps.row[k] == t) {
    const double before = gaps.before[k] == s ? gaps.price_before[k]
                                              : tables.by_column(s, static_cast<Eigen::Index>(column));
    return {gaps.price[k], before};
  }
  const auto c = static_cast<Eigen::Index>(column);
  if (column == tables.fixed) return {tables.by_column(t, c), tables.by_column(s, c)};
  return {tables.by_row(t, c), tables.by_row(s, c)};
}

void add_gap_returns(PairSums& sums, const PriceTables& tables, const CleanReturns& c,
                     const Gaps& g, size_t i, size_t j, ReturnKind kind) {
  const GapRows &gi = g.after_gap[i], &gj = g.after_gap[j];
  // The two gap lists merged, each row once, in row order.
  for (size_t ki = 0, kj = 0; ki < gi.row.size() || kj < gj.row.size();) {
    const int t = kj == gj.row.size() || (ki < gi.row.size() && gi.row[ki] < gj.row[kj]) ? gi.row[ki] : gj.row[kj];
    const size_t at_i = ki, at_j = kj;
    ki += ki < gi.row.size() && gi.row[ki] == t;
    kj += kj < gj.row.size() && gj.row[kj] == t;
    if (!g.has(i, t) || !g.has(j, t)) continue;
    const int s = last_common_row(g, i, j, t);
    if (s < 0) continue;
    const auto [now_i, before_i] = prices_at(tables, gi, at_i, i, t, s);
    const auto [now_j, before_j] = prices_at(tables, gj, at_j, j, t, s);
    const double x = period_return(now_i, before_i, kind) - c.shift[static_cast<Eigen::Index>(i)];
    const double y = period_return(now_j, before_j, kind) - c.shift[static_cast<Eigen::Index>(j)];
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


std::vector<Eigen::Index> every_column(size_t k) {
  std::vector<Eigen::Index> all(k);
  for (size_t c = 0; c < k; ++c) all[c] = static_cast<Eigen::Index>(c);
  return all;
}

}  // namespace

// What every pair's statistics are made of; the whole run and a shard share it.
struct PairMatrix::Inputs {
  Eigen::MatrixXd P;
  RowMajorPrices P_by_row;
  CleanReturns clean;
  Gaps gaps;
  Transposed x;
  ReturnKind kind;
  bool differenced;
};

PairMatrix::PairMatrix(const std::vector<const PriceSeries*>& columns, ReturnKind kind,
                       const Executor& executor, Shard shard)
    : k_(columns.size()), shard_(shard) {
  Inputs in{price_table(columns), {}, {}, {}, {}, kind, !given_as_values(kind)};
  in.P_by_row = huge_matrix<RowMajorPrices>(in.P.rows(), in.P.cols());
  in.P_by_row = in.P;
  in.clean = clean_returns(in.P, kind);
  in.gaps = find_gaps(in.P);
  in.x = transposed(in.clean.R, in.clean.M);
  if (shard.whole()) {
    whole_run(in, executor);
  } else {
    shard_run(in, executor);
  }
}

PairMatrix::~PairMatrix() = default;

// Each unordered pair once: C, N, S, Q are symmetric in what they sum, so their lower
// halves suffice.
void PairMatrix::whole_run(const Inputs& in, const Executor& executor) {
  const std::vector<Eigen::Index> all = every_column(k_);
  const ColumnPanels panels(in.clean.R, all);
  const Eigen::MatrixXd C = column_products(panels, panels, /*lower_only=*/true, executor);
  const MaskedSums m = masked_sums(in.x, in.clean.M, all, executor);
  stats_.assign(k_ * k_, PairStats{});
  // Each pair writes only its own slot, so rows of pairs run on every core.
  executor.for_each(k_, [&](size_t i) {
    for (size_t j = i + 1; j < k_; ++j) {
      const auto a = static_cast<Eigen::Index>(i), b = static_cast<Eigen::Index>(j);
      PairSums sums{m.N(b, a), m.S(a, b), m.S(b, a), m.Q(a, b), m.Q(b, a), C(b, a)};
      if (in.differenced) add_gap_returns(sums, {in.P, in.P_by_row, i}, in.clean, in.gaps, i, j, in.kind);
      stats_[i * k_ + j] = centred(sums);
    }
  });
}

// Every pair with one of the shard's targets, each summed exactly as the whole run
// sums it, so a shard prints the whole run's bytes. A pair of two of its targets is
// computed twice; a pair across shards once in each.
void PairMatrix::shard_run(const Inputs& in, const Executor& executor) {
  std::vector<Eigen::Index> targets;
  for (size_t t = shard_.index; t < k_; t += shard_.count) targets.push_back(static_cast<Eigen::Index>(t));
  const std::vector<Eigen::Index> all = every_column(k_);
  const Eigen::MatrixXd C = column_products(ColumnPanels(in.clean.R, targets),
                                            ColumnPanels(in.clean.R, all), false, executor);
  // The whole run's column b at row a: a target's column at every row, and every
  // column at the targets' rows.
  const MaskedSums target_columns = masked_sums(in.x, in.clean.M, targets, executor);
  const MaskedSums target_rows = masked_sums(rows_of(in.x, targets), in.clean.M, all, executor);
  stats_.assign(targets.size() * k_, PairStats{});
  executor.for_each(targets.size(), [&](size_t slot) {
    const auto s = static_cast<Eigen::Index>(slot);
    const auto t = static_cast<size_t>(targets[slot]);
    for (size_t p = 0; p < k_; ++p) {
      if (p == t) continue;
      const auto q = static_cast<Eigen::Index>(p);
      // The pair as the whole run orders it, i < j; from each of N, S and Q the entry
      // in column i at row j and the one in column j at row i.
      const bool target_first = t < p;
      const auto pick = [&](const Eigen::MatrixXd& by_target_column, const Eigen::MatrixXd& by_target_row) {
        return std::pair{target_first ? by_target_column(q, s) : by_target_row(s, q),
                         target_first ? by_target_row(s, q) : by_target_column(q, s)};
      };
      const double n = pick(target_columns.N, target_rows.N).first;
      const auto [s_column_i, s_column_j] = pick(target_columns.S, target_rows.S);
      const auto [q_column_i, q_column_j] = pick(target_columns.Q, target_rows.Q);
      PairSums sums{n, s_column_j, s_column_i, q_column_j, q_column_i, C(s, q)};
      const size_t i = std::min(t, p), j = std::max(t, p);
      if (in.differenced) add_gap_returns(sums, {in.P, in.P_by_row, t}, in.clean, in.gaps, i, j, in.kind);
      stats_[slot * k_ + p] = centred(sums);
    }
  });
}

PairStats PairMatrix::stats(size_t target, size_t proxy) const {
  // Kept as the whole run orders the pair (i < j, sxx belongs to i).
  const size_t i = std::min(target, proxy), j = std::max(target, proxy);
  PairStats s = shard_.whole() ? stats_[i * k_ + j] : stats_[(target / shard_.count) * k_ + proxy];
  if (target > proxy) std::swap(s.sxx, s.syy);
  return s;
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
