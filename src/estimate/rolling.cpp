#include "hedgecalc/rolling.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/executor.hpp"
#include "hedgecalc/huge_pages.hpp"
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

namespace {

// The windows ending at e in [begin, end), begin a multiple of the window: the moments of
// the block before begin are rebuilt first, so each window is merged from the same
// parts, added in the same order, as in one pass from the start.
void roll_blocks(const std::vector<double>& target, const std::vector<double>& proxy, size_t window,
                 size_t begin, size_t end, RollingSeries& out) {
  const size_t n = target.size();
  // previous[j]: the moments of [j, end] of the last complete block, which the windows
  // of the current block start in. Those of the current block are built in `next`
  // from its end backwards, a step for each step forwards of the prefix: the two chains
  // of divisions overlap instead of running one after the other.
  std::vector<WindowMoments> previous(window), next(window);
  WindowMoments running;  // moments of [j, end] of the current block, so far
  if (begin > 0) {
    for (size_t j = window; j-- > 0;) {
      running.add(proxy[begin - window + j], target[begin - window + j]);
      previous[j] = running;
    }
  }
  WindowMoments prefix;  // moments of [current block start, e]
  for (size_t e = begin; e < end; ++e) {
    prefix.add(proxy[e], target[e]);
    const size_t offset_in_block = e % window, block_start = e - offset_in_block;
    if (block_start + window <= n) {  // a complete block: its suffixes will be needed
      if (offset_in_block == 0) running = WindowMoments();
      const size_t j = window - 1 - offset_in_block;
      running.add(proxy[block_start + j], target[block_start + j]);
      next[j] = running;
    }
    if (offset_in_block == window - 1) {
      // A block is complete: it is itself a window; its suffixes serve the next block.
      store(prefix, e, out);
      prefix = WindowMoments();
      previous.swap(next);
    } else if (e >= window) {
      // Window [e-W+1, e]: the suffix of the previous block from offset+1, plus the prefix.
      store(WindowMoments::merge(previous[offset_in_block + 1], prefix), e, out);
    }
  }
}

}  // namespace

RollingSeries rolling_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                            size_t window, const Executor& executor) {
  const size_t n = target.size();
  assert(window >= 2);  // the command line refuses smaller windows
  if (window > n) {
    throw DataError(flag_for(Setting::kWindow) + " " + std::to_string(window) +
                    " is longer than the " + std::to_string(n) + " aligned returns");
  }
  RollingSeries out;
  // A value per return: millions for a minute-bar pair. The three buffers' pages are
  // mapped and filled side by side, as the blocks are computed.
  const std::array<std::vector<double>*, 3> outputs = {&out.hedge_ratio, &out.correlation,
                                                       &out.effectiveness};
  executor.for_each(outputs.size(), [&](size_t k) {
    reserve_huge(*outputs[k], n);
    outputs[k]->assign(n, kNaN);
  });
  // Whole blocks to each thread; every value is computed as in one pass (roll_blocks).
  const size_t blocks = (n + window - 1) / window;
  const size_t parts = std::min(executor.jobs(), blocks);
  executor.for_each(parts, [&](size_t part) {
    const size_t begin = blocks * part / parts * window, end = std::min(n, blocks * (part + 1) / parts * window);
    roll_blocks(target, proxy, window, begin, end, out);
  });
  return out;
}

RollingSeries rolling_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                            size_t window) {
  return rolling_hedge(target, proxy, window, Executor(1));
}

RollingSeries rolling_hedge_over(const std::vector<double>& target, const std::vector<double>& proxy,
                                 const std::vector<size_t>& start, size_t min_obs) {
  const size_t n = target.size();
  RollingSeries out;
  out.hedge_ratio = huge_vector(n, kNaN);
  out.correlation = huge_vector(n, kNaN);
  out.effectiveness = huge_vector(n, kNaN);
  // The window [s, e] is [s, middle) + [middle, e]: the front part's moments are kept
  // for every possible s (suffix[s] = moments of [s, middle)), the back part's as one
  // running total. When s reaches middle, the back part becomes the new front.
  std::vector<WindowMoments> suffix = huge_vector<WindowMoments>(n + 1);
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

namespace {

// summarize's running figures for one series, a value at a time (Welford).
struct SummaryChain {
  double count = 0, mean = 0, m2 = 0, min = kNaN, max = kNaN;

  void add(double v) {
    if (std::isnan(v)) return;
    min = count == 0 ? v : std::min(min, v);
    max = count == 0 ? v : std::max(max, v);
    count += 1;
    const double delta = v - mean;
    mean += delta / count;
    m2 += delta * (v - mean);
  }

  SeriesSummary finish(const std::vector<double>& values) const {
    SeriesSummary s{values.empty() ? kNaN : values.back(), min, max, kNaN, kNaN};
    if (count > 0) s.mean = mean;
    if (count > 1) s.std = std::sqrt(m2 / (count - 1));
    return s;
  }
};

}  // namespace

SeriesSummary summarize(const std::vector<double>& values) {
  SummaryChain chain;
  for (double v : values) chain.add(v);
  return chain.finish(values);
}

std::array<SeriesSummary, 3> summarize_each(const RollingSeries& series) {
  // The three chains side by side: each is summarize's own chain of operations, and
  // while one waits on its division the others go on.
  const std::array<const std::vector<double>*, 3> values = {
      &series.hedge_ratio, &series.correlation, &series.effectiveness};
  std::array<SummaryChain, 3> chains;
  const size_t n = std::max({values[0]->size(), values[1]->size(), values[2]->size()});
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < 3; ++k) {
      if (i < values[k]->size()) chains[k].add((*values[k])[i]);
    }
  }
  return {chains[0].finish(*values[0]), chains[1].finish(*values[1]), chains[2].finish(*values[2])};
}

}  // namespace hedgecalc
