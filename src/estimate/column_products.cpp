#include "column_products.hpp"

#include <algorithm>
#include <cstring>

#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {
namespace {

// Rows summed in one run of additions before the run's total joins the sum: the error
// of a sum of T products grows with 256 + T / 256 instead of T.
constexpr Eigen::Index kRunRows = 256;

// Two doubles side by side (GCC and Clang vector extensions): written out, the 16
// running sums fit the 16 registers of the x86-64 baseline, which plain loops miss.
using Pair = double __attribute__((vector_size(16)));

Pair load_pair(const double* from) {
  Pair p;
  std::memcpy(&p, from, sizeof p);
  return p;
}

// One 4 x 4 block of sums over T rows: each of the 16 sums adds its products in row
// order, run by run, in its own accumulator lane. Lanes only run side by side, so each
// sum is the same as a scalar loop's.
void product_tile(const double* a, const double* b, Eigen::Index rows, double (&sums)[4][4]) {
  Pair total[4][2] = {};
  for (Eigen::Index start = 0; start < rows; start += kRunRows) {
    const Eigen::Index end = std::min(rows, start + kRunRows);
    Pair run[4][2] = {};
    for (Eigen::Index t = start; t < end; ++t) {
      const Pair low = load_pair(b + 4 * t), high = load_pair(b + 4 * t + 2);
      for (int i = 0; i < 4; ++i) {
        const Pair ai = {a[4 * t + i], a[4 * t + i]};
        run[i][0] += ai * low;
        run[i][1] += ai * high;
      }
    }
    for (int i = 0; i < 4; ++i) total[i][0] += run[i][0], total[i][1] += run[i][1];
  }
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) sums[i][j] = total[i][j / 2][j % 2];
  }
}

}  // namespace

ColumnPanels::ColumnPanels(const Eigen::MatrixXd& X, const std::vector<Eigen::Index>& columns)
    : rows_(X.rows()), size_(static_cast<Eigen::Index>(columns.size())) {
  resize_huge(data_, static_cast<size_t>(panels() * 4 * rows_));
  for (Eigen::Index c = 0; c < size_; ++c) {
    double* out = data_.data() + (c / 4) * 4 * rows_ + c % 4;
    const double* in = X.col(columns[static_cast<size_t>(c)]).data();
    for (Eigen::Index t = 0; t < rows_; ++t) out[4 * t] = in[t];
  }
}

Eigen::MatrixXd column_products(const ColumnPanels& left, const ColumnPanels& right,
                                bool lower_only, const Executor& executor) {
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(left.size(), right.size());
  executor.for_each(static_cast<size_t>(left.panels()), [&](size_t panel) {
    const auto p = static_cast<Eigen::Index>(panel);
    const Eigen::Index last = lower_only ? std::min(p + 1, right.panels()) : right.panels();
    double sums[4][4];
    for (Eigen::Index q = 0; q < last; ++q) {
      product_tile(left.panel(p), right.panel(q), left.rows(), sums);
      for (Eigen::Index i = 0; i < 4 && 4 * p + i < left.size(); ++i) {
        for (Eigen::Index j = 0; j < 4 && 4 * q + j < right.size(); ++j) {
          out(4 * p + i, 4 * q + j) = sums[i][j];
        }
      }
    }
  });
  return out;
}

}  // namespace hedgecalc
