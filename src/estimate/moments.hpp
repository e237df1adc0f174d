#pragma once
// Centred two-pass sample moments: the mean first, then sums of deviations, so that
// series with a large level and tiny moves lose no precision.

#include <cstddef>
#include <vector>

namespace hedgecalc {

/// Means and centred sums of squares and cross-products of two equal-length series.
struct PairMoments {
  size_t n = 0;
  double mean_x = 0, mean_y = 0;
  double sxx = 0, syy = 0, sxy = 0;  ///< sums of (x-mean_x)^2, (y-mean_y)^2, (x-mean_x)(y-mean_y)
};

/// Two-pass moments of x and y.
PairMoments pair_moments(const std::vector<double>& x, const std::vector<double>& y);
/// Two-pass moments of x[0..n) and y[0..n) (part of a series, without a copy).
PairMoments pair_moments(const double* x, const double* y, size_t n);

/// Arithmetic mean (NaN when empty).
double mean(const std::vector<double>& x);
/// Arithmetic mean of x[0..n) (NaN when empty).
double mean(const double* x, size_t n);

/// Sample variance with n-1 (NaN below 2 values).
double sample_variance(const std::vector<double>& x);
/// Sample variance of x[0..n) with n-1 (NaN below 2 values).
double sample_variance(const double* x, size_t n);

/// Pearson correlation; NaN when either series is constant; clamped to [-1, 1].
double correlation(const PairMoments& m);

}  // namespace hedgecalc
