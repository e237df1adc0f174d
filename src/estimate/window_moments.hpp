#pragma once
// Moments of a pair of series that can be grown one value at a time (Welford) and
// merged (Chan, Golub and LeVeque), never by subtracting raw sums of squares.

#include <cstddef>

namespace hedgecalc {

/// Count, means and centred sums of squares and cross-products of (x, y).
struct WindowMoments {
  double n = 0;
  double mean_x = 0, mean_y = 0;
  double sxx = 0, syy = 0, sxy = 0;

  /// Adds one pair. A value equal to the mean leaves the sums exactly unchanged, so
  /// a constant window has sums of exactly zero.
  void add(double x, double y) {
    n += 1;
    const double dx = x - mean_x;
    const double dy = y - mean_y;
    mean_x += dx / n;
    mean_y += dy / n;
    const double dx_after = x - mean_x;
    sxx += dx * dx_after;
    syy += dy * (y - mean_y);
    sxy += dx_after * dy;
  }

  /// The moments of the union of two disjoint sets of pairs.
  static WindowMoments merge(const WindowMoments& a, const WindowMoments& b) {
    if (a.n == 0) return b;
    if (b.n == 0) return a;
    WindowMoments m;
    m.n = a.n + b.n;
    const double dx = b.mean_x - a.mean_x;
    const double dy = b.mean_y - a.mean_y;
    const double weight = a.n * b.n / m.n;
    m.mean_x = a.mean_x + dx * (b.n / m.n);
    m.mean_y = a.mean_y + dy * (b.n / m.n);
    m.sxx = a.sxx + b.sxx + dx * dx * weight;
    m.syy = a.syy + b.syy + dy * dy * weight;
    m.sxy = a.sxy + b.sxy + dx * dy * weight;
    return m;
  }
};

}  // namespace hedgecalc
