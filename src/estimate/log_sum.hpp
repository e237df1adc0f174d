#pragma once
// The sum of many logarithms, as the likelihoods of --dcc and --kalman take one per
// return: one logarithm per block of values (of their product) makes a sixteenth of the
// calls, and a block whose product leaves the range of a double takes one each. And
// std::frexp inline, for a product kept as a fraction and a power of two.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hedgecalc {

/// std::frexp(value), its power of two added to `power`: the fraction in [0.5, 1) (or
/// (-1, -0.5]) and the same bits, without a call for a normal number. A call in a loop
/// that keeps a product this way would push the loop's state out of registers.
inline double fraction_and_power(double value, long& power) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  const long biased = static_cast<long>((bits >> 52) & 0x7ff);
  if (biased == 0 || biased == 0x7ff) {  // 0, subnormal, infinite or NaN
    int exponent = 0;
    const double fraction = std::frexp(value, &exponent);
    power += exponent;
    return fraction;
  }
  bits = (bits & ~(std::uint64_t{0x7ff} << 52)) | (std::uint64_t{1022} << 52);
  double fraction;
  std::memcpy(&fraction, &bits, sizeof bits);
  power += biased - 1022;
  return fraction;
}

/// Adds log(v) for each v added, in blocks.
class LogSum {
 public:
  /// Adds log(value) for a value > 0 (best near 1: a block of values far from 1 costs
  /// a logarithm each).
  void add(double value) {
    block_[count_++] = value;
    if (count_ == kBlock) flush();
  }

  /// The sum of the logarithms of the values added.
  double total() {
    flush();
    return sum_;
  }

 private:
  void flush() {
    double product = 1;
    for (size_t i = 0; i < count_; ++i) product *= block_[i];
    if (product > 1e-290 && product < 1e290) {
      sum_ += std::log(product);
    } else {
      for (size_t i = 0; i < count_; ++i) sum_ += std::log(block_[i]);
    }
    count_ = 0;
  }

  static constexpr size_t kBlock = 16;
  std::array<double, kBlock> block_{};
  size_t count_ = 0;
  double sum_ = 0;
};

}  // namespace hedgecalc
