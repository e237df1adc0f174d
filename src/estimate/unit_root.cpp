#include "unit_root.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {
namespace {

using Eigen::Index;
using Eigen::Map;
using Eigen::MatrixXd;
using Eigen::VectorXd;

double dot(const double* a, const double* b, size_t n) {
  return Map<const VectorXd>(a, static_cast<Index>(n)).dot(Map<const VectorXd>(b, static_cast<Index>(n)));
}

// The regressors' cross products over rows t = lags .. N-1 (d[t] = x[t+1] - x[t]):
// columns x[t], d[t-1] .. d[t-lags]; and their products with y = d[t].
struct CrossProducts {
  MatrixXd gram;  ///< (lags + 1) square
  VectorXd xy;
  double yy = 0;
};

// sum_t y[t] d[t-j], j = 0..lags, over t = lags..N-1: in blocks of rows, so that the
// shifted copies of a block are read from cache rather than the whole series once per
// lag (the sums are memory-bound otherwise).
VectorXd lag_sums(const double* y, const std::vector<double>& d, size_t lags) {
  constexpr size_t kBlock = 2048;
  VectorXd sums = VectorXd::Zero(static_cast<Index>(lags + 1));
  for (size_t from = lags; from < d.size(); from += kBlock) {
    const size_t rows = std::min(kBlock, d.size() - from);
    for (size_t j = 0; j <= lags; ++j) sums(static_cast<Index>(j)) += dot(&y[from], &d[from - j], rows);
  }
  return sums;
}

// Every lagged column is a shift of d, so the first row of products is summed over the
// data and the rest follow by moving the window one row at a time:
// S(i, j) = S(i-1, j-1) + d[lags-i] d[lags-j] - d[N-i] d[N-j].
CrossProducts lagged_products(const std::vector<double>& x, const std::vector<double>& d, size_t lags,
                              const Executor& executor) {
  const size_t N = d.size(), rows = N - lags;
  const Index k = static_cast<Index>(lags + 1);
  VectorXd dd, xd;
  executor.both([&] { dd = lag_sums(d.data(), d, lags); }, [&] { xd = lag_sums(x.data(), d, lags); });
  MatrixXd S(k, k);  // S(i, j) = sum d[t-i] d[t-j], i, j = 0 .. lags
  S.row(0) = dd.transpose();
  for (Index i = 1; i < k; ++i) {
    for (Index j = i; j < k; ++j) {
      const size_t ui = static_cast<size_t>(i), uj = static_cast<size_t>(j);
      S(i, j) = S(i - 1, j - 1) + d[lags - ui] * d[lags - uj] - d[N - ui] * d[N - uj];
    }
  }
  CrossProducts p;
  p.gram.resize(k, k);
  p.xy.resize(k);
  p.gram(0, 0) = dot(&x[lags], &x[lags], rows);
  p.xy(0) = xd(0);
  p.yy = S(0, 0);
  for (Index j = 1; j < k; ++j) {
    p.gram(0, j) = p.gram(j, 0) = xd(j);
    p.xy(j) = S(0, j);
    for (Index i = 1; i <= j; ++i) p.gram(i, j) = p.gram(j, i) = S(i, j);
  }
  return p;
}

// statsmodels' OLS aic: -2 llf + 2 k with llf = -n/2 (log 2 pi + log(ssr/n) + 1).
double aic(double ssr, size_t rows, size_t regressors) {
  const double n = static_cast<double>(rows);
  return n * (std::log(2 * M_PI) + std::log(ssr / n) + 1) + 2.0 * static_cast<double>(regressors);
}

// The lag, 0..lags, of least AIC on the common rows. Nested regressions share one
// Cholesky factor: the leading block of L factors the leading block of the Gram matrix,
// so ssr_k = y'y - |w_0..k|^2 with L w = X'y.
std::optional<size_t> lag_of_least_aic(const CrossProducts& p, size_t lags, size_t rows) {
  const Eigen::LLT<MatrixXd> llt(p.gram);
  if (llt.info() != Eigen::Success) return std::nullopt;
  const VectorXd w = llt.matrixL().solve(p.xy);
  double explained = 0, best = INFINITY;
  size_t best_lag = 0;
  for (size_t k = 0; k <= lags; ++k) {
    explained += w(static_cast<Index>(k)) * w(static_cast<Index>(k));
    const double value = aic(p.yy - explained, rows, k + 1);
    if (value < best) best = value, best_lag = k;  // ties keep the shorter lag, as min() does
  }
  return best_lag;
}

// The final regression on every row the chosen lag allows: the common rows' products
// plus those of the rows the longer lags had to drop; residuals summed over the data.
AdfTest final_regression(const std::vector<double>& x, const std::vector<double>& d,
                         const CrossProducts& common, size_t max_lags, size_t lag) {
  const Index k = static_cast<Index>(lag + 1);
  MatrixXd gram = common.gram.topLeftCorner(k, k);
  VectorXd xy = common.xy.head(k);
  VectorXd row(k);
  for (size_t t = lag; t < max_lags; ++t) {
    row(0) = x[t];
    for (size_t j = 1; j <= lag; ++j) row(static_cast<Index>(j)) = d[t - j];
    gram.noalias() += row * row.transpose();
    xy += row * d[t];
  }
  const Eigen::LLT<MatrixXd> llt(gram);
  AdfTest test{NAN, lag, d.size() - lag};
  if (llt.info() != Eigen::Success) return test;
  const VectorXd beta = llt.solve(xy);
  double ssr = 0;
  for (size_t t = lag; t < d.size(); ++t) {
    double fitted = beta(0) * x[t];
    for (size_t j = 1; j <= lag; ++j) fitted += beta(static_cast<Index>(j)) * d[t - j];
    ssr += (d[t] - fitted) * (d[t] - fitted);
  }
  const double s2 = ssr / static_cast<double>(test.nobs - lag - 1);
  const double inverse_00 = llt.solve(VectorXd::Unit(k, 0))(0);
  test.statistic = beta(0) / std::sqrt(s2 * inverse_00);
  return test;
}

}  // namespace

size_t default_adf_max_lags(size_t m) {
  const auto schwert = static_cast<size_t>(std::ceil(12.0 * std::pow(static_cast<double>(m) / 100.0, 0.25)));
  const size_t cap = m / 2 >= 1 ? m / 2 - 1 : 0;
  return std::min(schwert, cap);
}

std::vector<double> changes(const std::vector<double>& x) {
  std::vector<double> d;
  resize_huge(d, x.size() - 1);
  for (size_t t = 0; t + 1 < x.size(); ++t) d[t] = x[t + 1] - x[t];
  return d;
}

AdfTest adf_no_constant(const std::vector<double>& x, const std::vector<double>& d,
                        std::optional<size_t> max_lags, const Executor& executor) {
  const size_t cap = x.size() / 2 - 1;
  const size_t lags = std::min(max_lags.value_or(default_adf_max_lags(x.size())), cap);
  const CrossProducts common = lagged_products(x, d, lags, executor);
  const std::optional<size_t> lag = lag_of_least_aic(common, lags, d.size() - lags);
  if (!lag) return AdfTest{NAN, 0, d.size()};
  return final_regression(x, d, common, lags, *lag);
}

}  // namespace hedgecalc
