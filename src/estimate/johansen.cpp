#include "johansen.hpp"

#include <cmath>

#include <Eigen/Dense>

namespace hedgecalc {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;

// c_sjt / c_sja of statsmodels for a constant (p = 0), 95%: index = variables - 1.
constexpr std::array<double, 2> kTrace95 = {3.8415, 15.4943};
constexpr std::array<double, 2> kMaxEigen95 = {3.8415, 14.2639};

// One row per regression row r: the differences at t = lags + 1 + r, the levels one
// row later than the first lag (statsmodels' indexing), then the lagged differences.
MatrixXd centred_rows(const std::vector<double>& a, const std::vector<double>& b, size_t lags) {
  const std::vector<const std::vector<double>*> levels = {&a, &b};
  const size_t rows = a.size() - 1 - lags;
  MatrixXd v(static_cast<Index>(rows), static_cast<Index>(4 + 2 * lags));
  for (Index s = 0; s < 2; ++s) {
    const std::vector<double>& y = *levels[static_cast<size_t>(s)];
    for (size_t r = 0; r < rows; ++r) {
      const Index i = static_cast<Index>(r);
      v(i, s) = y[lags + 1 + r] - y[lags + r];
      v(i, 2 + s) = y[1 + r];
      for (size_t m = 0; m < lags; ++m) v(i, static_cast<Index>(4 + 2 * m) + s) = y[lags + r - m] - y[lags + r - m - 1];
    }
  }
  // Two passes: the second mean corrects the first's rounding.
  for (int pass = 0; pass < 2; ++pass) v.rowwise() -= v.colwise().mean();
  return v;
}

}  // namespace

JohansenTest johansen_test(const std::vector<double>& a, const std::vector<double>& b, size_t lags) {
  const MatrixXd v = centred_rows(a, b, lags);
  JohansenTest test;
  test.nobs = static_cast<size_t>(v.rows());
  const double T = static_cast<double>(v.rows());
  MatrixXd C = (v.transpose() * v) / T;
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
