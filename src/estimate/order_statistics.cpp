#include "order_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hedgecalc {
namespace {

// Below this many values a plain selection on a copy is as quick as bracketing.
constexpr size_t kPlainBelow = 1 << 14;
// Values in the sample that brackets the rank.
constexpr size_t kSample = 1 << 13;

AdjacentOrder select_among(std::vector<double>& pool, size_t k) {
  const auto at = pool.begin() + static_cast<long>(k);
  std::nth_element(pool.begin(), at, pool.end());
  const double next = k + 1 < pool.size() ? *std::min_element(at + 1, pool.end()) : *at;
  return {*at, next};
}

}  // namespace

AdjacentOrder order_statistics(const std::vector<double>& values, size_t k) {
  const size_t n = values.size();
  if (n < kPlainBelow) {
    std::vector<double> copy = values;
    return select_among(copy, k);
  }
  // Sample ranks of the k-th value spread binomially about k m / n: a bracket of four
  // standard deviations either side (and one more rank for the neighbour) holds ranks k
  // and k + 1 but for a chance of about 1e-4, when the full selection below takes over.
  const size_t stride = n / kSample;
  std::vector<double> sample;
  sample.reserve(n / stride + 1);
  for (size_t i = stride / 2; i < n; i += stride) sample.push_back(values[i]);
  const size_t m = sample.size();
  const double p = (static_cast<double>(k) + 0.5) / static_cast<double>(n);
  const double centre = p * static_cast<double>(m);
  const double margin = 4 * std::sqrt(static_cast<double>(m) * p * (1 - p)) + 4;
  const double low_rank = std::floor(centre - margin), high_rank = std::ceil(centre + margin) + 1;
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  if (low_rank > 0) {
    const auto at = sample.begin() + static_cast<long>(low_rank);
    std::nth_element(sample.begin(), at, sample.end());
    low = *at;
  }
  if (high_rank < static_cast<double>(m)) {
    const auto at = sample.begin() + static_cast<long>(high_rank);
    std::nth_element(sample.begin(), at, sample.end());
    high = *at;
  }
  // One pass, without branches on the data (half the values fall below the bracket, at
  // random): each value is written to the end of `inside` and kept only when it belongs.
  size_t below = 0, count = 0;
  std::vector<double> inside(
      static_cast<size_t>((high_rank - low_rank + 8) * static_cast<double>(stride)));
  constexpr size_t kBlock = 4096;
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t end = std::min(n, start + kBlock);
    if (inside.size() - count < kBlock) inside.resize(2 * inside.size() + kBlock);
    for (size_t i = start; i < end; ++i) {
      const double v = values[i];
      inside[count] = v;
      below += v < low;
      count += (v >= low) & (v <= high);
    }
  }
  inside.resize(count);
  const size_t last_wanted = std::min(k + 1, n - 1);
  if (below <= k && last_wanted < below + inside.size()) return select_among(inside, k - below);
  std::vector<double> copy = values;  // the sample misled the bracket: select among all
  return select_among(copy, k);
}

double median_of(const std::vector<double>& values) {
  const size_t n = values.size();
  if (n % 2 == 1) return order_statistics(values, n / 2).kth;
  const AdjacentOrder middle = order_statistics(values, n / 2 - 1);
  return (middle.kth + middle.next) / 2;
}

}  // namespace hedgecalc
