#include "hedgecalc/returns.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/executor.hpp"
#include "hedgecalc/huge_pages.hpp"
#include "hedgecalc/setting.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {

const char* return_kind_name(ReturnKind kind) {
  switch (kind) {
    case ReturnKind::kSimple: return "simple";
    case ReturnKind::kLog: return "log";
    case ReturnKind::kDiff: return "diff";
    case ReturnKind::kNone: return "none";
    case ReturnKind::kChanges: return "changes";
  }
  return "?";
}

bool in_price_units(ReturnKind kind) {
  return kind == ReturnKind::kDiff || kind == ReturnKind::kChanges;
}

bool given_as_values(ReturnKind kind) {
  return kind == ReturnKind::kNone || kind == ReturnKind::kChanges;
}

void require_positive_prices(const PriceSeries& series, ReturnKind kind) {
  if (kind != ReturnKind::kSimple && kind != ReturnKind::kLog) return;
  for (size_t i = 0; i < series.size(); ++i) {
    if (series.price[i] > 0) continue;
    throw DataError(location(series.file, series.line[i]) + "column " +
                    quoted_excerpt(series.column, 40) + ": price " +
                    shortest_decimal(series.price[i]) + " is not positive, so " +
                    return_kind_name(kind) + " returns are undefined (use " +
                    flag_for(Setting::kReturns) + " diff for series that can be <= 0)");
  }
}

AlignedPrices every_kth_row(const AlignedPrices& aligned, size_t k) {
  if (k <= 1 || aligned.time.empty()) return aligned;
  AlignedPrices sampled;
  sampled.prices.resize(aligned.prices.size());
  sampled.unmatched = aligned.unmatched;  // what the join dropped, not the sampling
  const size_t rows = aligned.time.size();
  for (size_t i = (rows - 1) % k; i < rows; i += k) {
    sampled.time.push_back(aligned.time[i]);
    for (size_t s = 0; s < aligned.prices.size(); ++s) {
      sampled.prices[s].push_back(aligned.prices[s][i]);
    }
  }
  return sampled;
}

ReturnSeries compute_returns(const AlignedPrices& aligned, ReturnKind kind) {
  return compute_returns(aligned, kind, Executor(1));
}

ReturnSeries compute_returns(const AlignedPrices& aligned, ReturnKind kind, const Executor& executor) {
  ReturnSeries returns;
  compute_returns(aligned, kind, executor, returns);
  return returns;
}

void compute_returns(const AlignedPrices& aligned, ReturnKind kind, const Executor& executor,
                     ReturnSeries& returns) {
  const size_t rows = aligned.time.size();
  if (given_as_values(kind)) {
    returns.time = aligned.time;
    returns.values = aligned.prices;
    return;
  }
  returns.values.resize(aligned.prices.size());
  if (rows < 2) {
    returns.time.clear();
    for (std::vector<double>& r : returns.values) r.clear();
    return;
  }
  // Task 0 copies the times, task k + 1 makes column k's returns: each writes its own.
  executor.for_each(aligned.prices.size() + 1, [&](size_t task) {
    if (task == 0) {
      reserve_huge(returns.time, rows - 1);
      returns.time.assign(aligned.time.begin() + 1, aligned.time.end());
      return;
    }
    const std::vector<double>& p = aligned.prices[task - 1];
    std::vector<double>& r = returns.values[task - 1];
    resize_huge(r, rows - 1);
    // One loop per kind, so that each is a plain loop the compiler can vectorise.
    const double* price = p.data();
    double* out = r.data();
    switch (kind) {
      case ReturnKind::kSimple:
        for (size_t i = 1; i < rows; ++i) out[i - 1] = price[i] / price[i - 1] - 1.0;
        break;
      case ReturnKind::kLog:
        for (size_t i = 1; i < rows; ++i) out[i - 1] = std::log(price[i] / price[i - 1]);
        break;
      default:
        for (size_t i = 1; i < rows; ++i) out[i - 1] = price[i] - price[i - 1];
        break;
    }
  });
}

}  // namespace hedgecalc

namespace hedgecalc {

void require_finite_returns(const ReturnSeries& returns,
                            const std::vector<const PriceSeries*>& series) {
  const size_t n = returns.size();
  if (n == 0) return;
  // Centred sums of squares stay finite while every |r| is below this.
  const double largest = std::sqrt(std::numeric_limits<double>::max() / (4.0 * static_cast<double>(n)));
  for (size_t k = 0; k < returns.values.size(); ++k) {
    const std::vector<double>& r = returns.values[k];
    // The common case first, in a loop without an exit (so vectorised); the row is
    // looked for only when some return fails.
    bool all_fine = true;
    for (size_t i = 0; i < n; ++i) all_fine &= std::fabs(r[i]) <= largest;  // NaN fails
    if (all_fine) continue;
    for (size_t i = 0; i < n; ++i) {
      if (std::fabs(r[i]) <= largest) continue;  // false for NaN too
      const PriceSeries& s = *series[k];
      // The row at or before the return's time: the exact row for an inner join.
      const auto row = std::upper_bound(s.time.begin(), s.time.end(), returns.time[i]);
      const size_t line = row == s.time.begin() ? 0 : s.line[static_cast<size_t>(row - s.time.begin() - 1)];
      throw DataError(location(s.file, line) + "column " + quoted_excerpt(s.column, 40) +
                      (std::isfinite(r[i])
                           ? ": the return ending here, " + shortest_decimal(r[i]) +
                                 ", is too large for the sums of squares; "
                           : std::string(": the return ending here is not a finite number (a "
                                         "price underflows or overflows the division); ")) +
                      "check the prices around this line");
    }
  }
}

}  // namespace hedgecalc
