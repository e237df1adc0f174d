#pragma once
// The sum of many logarithms, as the likelihoods of --dcc take one per return: one
// logarithm per block of values (of their product) makes a sixteenth of the calls, and a
// block whose product leaves the range of a double takes one each.

#include <array>
#include <cmath>
#include <cstddef>

namespace hedgecalc {

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
