#pragma once
// Sums of products of columns, sum_t X(t, a) X(t, b), each summed in one fixed order.
//
// A blocked matrix product (Eigen's, any BLAS) splits each sum among accumulators in a
// way that depends on where the entry falls in its block, so the same pair of columns
// gets different last digits when computed among other columns. Here every sum is the
// same loop whatever else is computed beside it: a `matrix --shard` run, which computes
// only its targets' sums, prints a whole run's bytes.

#include <Eigen/Dense>
#include <vector>

#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// The columns of X packed four at a time for the product kernel.
class ColumnPanels {
 public:
  /// Packs the columns `columns` of X (T x K) in that order.
  ColumnPanels(const Eigen::MatrixXd& X, const std::vector<Eigen::Index>& columns);
  /// Number of columns packed.
  Eigen::Index size() const { return size_; }
  /// Number of panels of four (the last one padded with zeros).
  Eigen::Index panels() const { return (size_ + 3) / 4; }
  /// Panel p: for each row t, the four columns' values.
  const double* panel(Eigen::Index p) const { return data_.data() + p * 4 * rows_; }
  /// Rows of X.
  Eigen::Index rows() const { return rows_; }

 private:
  Eigen::Index rows_, size_;
  std::vector<double> data_;
};

/// out(r, c) = sum_t of left's column r times right's column c, for every r and c; with
/// lower_only (left and right the same panels), only for panels of c at or before r's.
Eigen::MatrixXd column_products(const ColumnPanels& left, const ColumnPanels& right,
                                bool lower_only, const Executor& executor);

}  // namespace hedgecalc
