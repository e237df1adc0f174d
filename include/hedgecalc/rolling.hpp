#pragma once
// Rolling OLS of target on proxy over the last W returns (docs/hedgecalc.md --window).
//
// Warm-up: the first W-1 outputs are undefined (NaN); output length = input length.
// Each value equals a fresh computation on its W returns (pandas rolling(W).cov /
// var / corr). Cost is O(n) whatever W: the returns are cut into blocks of W, a
// window is the suffix of one block merged with the prefix of the next, and both are
// grown with Welford updates (no running sums, no subtraction of old values).

#include <array>
#include <cstddef>
#include <vector>

namespace hedgecalc {

class Executor;

/// Per-date rolling values; NaN where undefined (warm-up, zero variance).
struct RollingSeries {
  std::vector<double> hedge_ratio;    ///< cov(T, P) / var(P)
  std::vector<double> correlation;    ///< in [-1, 1]
  std::vector<double> effectiveness;  ///< 1 - var(T - hP) / var(T) = correlation^2
};

/// Rolling statistics of target on proxy; throws UsageError if window < 2 or
/// window > n (docs/hedgecalc.md wants a clear error for W larger than the data).
RollingSeries rolling_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                            size_t window);

/// rolling_hedge with the blocks shared among the executor's threads: the same values,
/// bit for bit, whatever the thread count.
RollingSeries rolling_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                            size_t window, const Executor& executor);

/// Rolling statistics where date t's window is returns [start[t], t] (start never
/// moving back: time-span, expanding, or count windows with --min-obs); a value needs
/// min_obs returns in its window. Warm-up: undefined until then; output length = input.
/// O(n) whatever the windows: a two-stack queue of Welford moments, merged, never
/// subtracted.
RollingSeries rolling_hedge_over(const std::vector<double>& target, const std::vector<double>& proxy,
                                 const std::vector<size_t>& start, size_t min_obs);

/// last, min, max, mean, std (n-1) of the defined values of a series.
struct SeriesSummary {
  double last, min, max, mean, std;
};

/// Summary over the non-NaN values; `last` is the final value even if NaN.
SeriesSummary summarize(const std::vector<double>& values);

/// summarize of the hedge ratio, correlation and effectiveness, in that order: the same
/// figures, in about a third of the time of three calls.
std::array<SeriesSummary, 3> summarize_each(const RollingSeries& series);

}  // namespace hedgecalc
