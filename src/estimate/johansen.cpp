#include "johansen.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

namespace hedgecalc {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;

// c_sjt / c_sja of statsmodels for a constant (p = 0), 95%: index = variables - 1.
constexpr std::array<double, 2> kTrace95 = {3.8415, 15.4943};
constexpr std::array<double, 2> kMaxEigen95 = {3.8415, 14.2639};

// Rows from .. from + block.rows() of the regressions: the differences at
// t = lags + 1 + r, the levels one row later than the first lag (statsmodels'
// indexing), then the lagged differences.
void fill_rows(const std::vector<double>& a, const std::vector<double>& b, size_t lags, size_t from,
               MatrixXd& block) {
  const std::vector<const std::vector<double>*> levels = {&a, &b};
  for (Index s = 0; s < 2; ++s) {
    const std::vector<double>& y = *levels[static_cast<size_t>(s)];
    for (Index i = 0; i < block.rows(); ++i) {
      const size_t r = from + static_cast<size_t>(i);
      block(i, s) = y[lags + 1 + r] - y[lags + r];
      block(i, 2 + s) = y[1 + r];
      for (size_t m = 0; m < lags; ++m) {
        block(i, static_cast<Index>(4 + 2 * m) + s) = y[lags + r - m] - y[lags + r - m - 1];
      }
    }
  }
}

// The centred cross products of the rows over their number, built block by block (no
// copy of the data): a first pass for the means, a second for the products about them,
// corrected by the second pass's own mean (sum (v - m)(v - m)' - T c c').
MatrixXd centred_products(const std::vector<double>& a, const std::vector<double>& b, size_t lags) {
  constexpr size_t kBlock = 512;
  const size_t rows = a.size() - 1 - lags;
  const Index k = static_cast<Index>(4 + 2 * lags);
  MatrixXd block;
  auto each_block = [&](auto&& use) {
    for (size_t from = 0; from < rows; from += kBlock) {
      block.resize(static_cast<Index>(std::min(kBlock, rows - from)), k);
      fill_rows(a, b, lags, from, block);
      use();
    }
  };
  const double T = static_cast<double>(rows);
  Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(k), correction = Eigen::RowVectorXd::Zero(k);
  each_block([&] { mean += block.colwise().sum(); });
  mean /= T;
  MatrixXd products = MatrixXd::Zero(k, k);
  each_block([&] {
    block.rowwise() -= mean;
    correction += block.colwise().sum();
    products.noalias() += block.transpose() * block;
  });
  correction /= T;
  products -= T * correction.transpose() * correction;
  return products / T;
}

}  // namespace

JohansenTest johansen_test(const std::vector<double>& a, const std::vector<double>& b, size_t lags) {
  JohansenTest test;
  test.nobs = a.size() - 1 - lags;
  const double T = static_cast<double>(test.nobs);
  const MatrixXd C = centred_products(a, b, lags);
  // Both blocks (differences, levels) net of the lagged differences: a Schur complement.
  Eigen::Matrix4d S = C.topLeftCorner(4, 4);
  if (lags > 0) {
    const Index z = static_cast<Index>(2 * lags);
    const Eigen::LDLT<MatrixXd> zz(C.bottomRightCorner(z, z));
    S -= C.topRightCorner(4, z) * zz.solve(C.bottomLeftCorner(z, 4));
  }
  const Eigen::Matrix2d s00 = S.topLeftCorner(2, 2), sk0 = S.block(2, 0, 2, 2), skk = S.bottomRightCorner(2, 2);
  const Eigen::Matrix2d sig = sk0 * s00.ldlt().solve(sk0.transpose());
  // sig v = lambda skk v: ascending, so the largest is the last.
  const Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::Matrix2d> solver(sig, skk, Eigen::EigenvaluesOnly);
  const bool ok = solver.info() == Eigen::Success;
  for (size_t i = 0; i < 2; ++i) test.eigenvalues[i] = ok ? solver.eigenvalues()(static_cast<Index>(1 - i)) : NAN;
  for (size_t i = 0; i < 2; ++i) {
    test.max_eigen[i] = -T * std::log1p(-test.eigenvalues[i]);
    test.trace[i] = 0;
    for (size_t j = i; j < 2; ++j) test.trace[i] += -T * std::log1p(-test.eigenvalues[j]);
    test.trace_critical_95[i] = kTrace95[1 - i];
    test.max_eigen_critical_95[i] = kMaxEigen95[1 - i];
  }
  while (test.rank < 2 && test.trace[test.rank] > test.trace_critical_95[test.rank]) ++test.rank;
  return test;
}

}  // namespace hedgecalc
