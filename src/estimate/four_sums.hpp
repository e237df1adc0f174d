#pragma once
// Sums over a series kept as four partial sums, row i going to partial sum i mod 4. One
// running sum waits for its previous addition on every row; four independent ones keep
// the adder busy, and baseline x86-64 adds two of them in one instruction. The partial
// sums, added pairwise at the end, also round less than one long running sum.

#include <cstddef>
#include <cstring>

namespace hedgecalc {

/// Four doubles, as two GCC vectors of two (the widest baseline x86-64 has).
struct Four {
  typedef double Pair __attribute__((vector_size(16)));
  Pair low = {0, 0}, high = {0, 0};

  /// p[0..4).
  static Four load(const double* p) {
    Four f;
    std::memcpy(&f.low, p, sizeof f.low);
    std::memcpy(&f.high, p + 2, sizeof f.high);
    return f;
  }
  /// value in every lane.
  static Four all(double value) {
    Four f;
    f.low = Pair{value, value};
    f.high = f.low;
    return f;
  }
  friend Four operator+(const Four& a, const Four& b) { return {a.low + b.low, a.high + b.high}; }
  friend Four operator-(const Four& a, const Four& b) { return {a.low - b.low, a.high - b.high}; }
  friend Four operator*(const Four& a, const Four& b) { return {a.low * b.low, a.high * b.high}; }
  /// The four lanes added pairwise: (0 + 1) + (2 + 3).
  double total() const { return (low[0] + low[1]) + (high[0] + high[1]); }
};

/// Calls block(x + i, y + i) for i = 0, 4, 8, ... over the n rows of x and y. The rows
/// past the last multiple of four go in a block of their own, filled up with pad_x and
/// pad_y: values whose terms are exactly zero (0 for a plain sum, the mean for a centred
/// one), so that every row is summed in the same four-lane arithmetic.
template <class Block>
void in_blocks_of_four(const double* x, const double* y, std::size_t n, double pad_x, double pad_y,
                       Block block) {
  const std::size_t whole = n - n % 4;
  for (std::size_t i = 0; i < whole; i += 4) block(x + i, y + i);
  if (whole == n) return;
  double last_x[4] = {pad_x, pad_x, pad_x, pad_x}, last_y[4] = {pad_y, pad_y, pad_y, pad_y};
  std::memcpy(last_x, x + whole, (n - whole) * sizeof(double));
  std::memcpy(last_y, y + whole, (n - whole) * sizeof(double));
  block(last_x, last_y);
}

}  // namespace hedgecalc
