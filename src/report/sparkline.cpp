#include "sparkline.hpp"

#include <algorithm>
#include <cmath>

namespace hedgecalc {

std::string sparkline(const std::vector<double>& values, size_t width) {
  static const char* const kBlocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                        "\u2585", "\u2586", "\u2587", "\u2588"};
  if (values.empty() || width == 0) return "";
  const size_t cells = std::min(width, values.size());
  std::vector<double> means(cells, NAN);
  for (size_t c = 0; c < cells; ++c) {
    const size_t begin = c * values.size() / cells;
    const size_t end = (c + 1) * values.size() / cells;
    double sum = 0;
    size_t count = 0;
    for (size_t i = begin; i < end; ++i) {
      if (!std::isnan(values[i])) sum += values[i], ++count;
    }
    if (count > 0) means[c] = sum / static_cast<double>(count);
  }
  double low = INFINITY, high = -INFINITY;
  for (double m : means) {
    if (!std::isnan(m)) low = std::min(low, m), high = std::max(high, m);
  }
  std::string out;
  for (double m : means) {
    if (std::isnan(m)) {
      out += ' ';
      continue;
    }
    const double scaled = high > low ? (m - low) / (high - low) : 0.5;
    out += kBlocks[std::clamp(static_cast<int>(scaled * 7.0 + 0.5), 0, 7)];
  }
  return out;
}

}  // namespace hedgecalc
