#include "hedgecalc/rolling.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "window_moments.hpp"

namespace hedgecalc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void store(const WindowMoments& m, size_t at, RollingSeries& out) {
  if (m.sxx > 0) out.hedge_ratio[at] = m.sxy / m.sxx;
  if (m.sxx > 0 && m.syy > 0) {
    const double r = std::clamp(m.sxy / std::sqrt(m.sxx * m.syy), -1.0, 1.0);
    out.correlation[at] = r;
    // With the window's own OLS ratio, var(T - hP) = (syy - sxy^2/sxx)/(n-1).
    out.effectiveness[at] = std::min(1.0, (m.sxy / m.sxx) * m.sxy / m.syy);
  }
}

}  // namespace

RollingSeries rolling_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                            size_t window) {
  const size_t n = target.size();
  assert(window >= 2);  // the command line refuses smaller windows
  if (window > n) {
    throw DataError(flag_for(Setting::kWindow) + " " + std::to_string(window) +
                    " is longer than the " + std::to_string(n) + " aligned returns");
  }
  RollingSeries out;
  out.hedge_ratio.assign(n, kNaN);
  out.correlation.assign(n, kNaN);
  out.effectiveness.assign(n, kNaN);

  // suffix[j] holds the moments of [block_start + j, block_end] of the last full block.
  std::vector<WindowMoments> suffix(window);
  WindowMoments prefix;  // moments of [current block start, e]
  for (size_t e = 0; e < n; ++e) {
    prefix.add(proxy[e], target[e]);
    const size_t offset_in_block = e % window;
    if (offset_in_block == window - 1) {
      // A block is complete: it is itself a window; keep its suffixes for the next block.
      const size_t block_start = e + 1 - window;
      WindowMoments running;
      for (size_t j = window; j-- > 0;) {
        running.add(proxy[block_start + j], target[block_start + j]);
        suffix[j] = running;
      }
      store(prefix, e, out);
      prefix = WindowMoments();
    } else if (e >= window) {
      // Window [e-W+1, e]: the suffix of the previous block from offset+1, plus the prefix.
      store(WindowMoments::merge(suffix[offset_in_block + 1], prefix), e, out);
    }
  }
  return out;
}

RollingSeries rolling_hedge_over(const std::vector<double>& target, const std::vector<double>& proxy,
                                 const std::vector<size_t>& start, size_t min_obs) {
  const size_t n = target.size();
  RollingSeries out;
  out.hedge_ratio.assign(n, kNaN);
  out.correlation.assign(n, kNaN);
  out.effectiveness.assign(n, kNaN);
  // The window [s, e] is [s, middle) + [middle, e]: the front part's moments are kept
  // for every possible s (suffix[s] = moments of [s, middle)), the back part's as one
  // running total. When s reaches middle, the back part becomes the new front.
  std::vector<WindowMoments> suffix(n + 1);
  size_t middle = 0;
  WindowMoments back;
  for (size_t e = 0; e < n; ++e) {
    back.add(proxy[e], target[e]);
    const size_t s = start[e];
    if (s >= middle) {
      WindowMoments running;
      for (size_t i = e + 1; i-- > s;) {
        running.add(proxy[i], target[i]);
        suffix[i] = running;
      }
      middle = e + 1;
      back = WindowMoments();
    }
    const WindowMoments window = WindowMoments::merge(suffix[s], back);
    if (window.n >= static_cast<double>(min_obs)) store(window, e, out);
  }
  return out;
}

SeriesSummary summarize(const std::vector<double>& values) {
  SeriesSummary s{values.empty() ? kNaN : values.back(), kNaN, kNaN, kNaN, kNaN};
  double count = 0, mean = 0, m2 = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    s.min = count == 0 ? v : std::min(s.min, v);
    s.max = count == 0 ? v : std::max(s.max, v);
    count += 1;
    const double delta = v - mean;
    mean += delta / count;
    m2 += delta * (v - mean);
  }
  if (count > 0) s.mean = mean;
  if (count > 1) s.std = std::sqrt(m2 / (count - 1));
  return s;
}

}  // namespace hedgecalc
