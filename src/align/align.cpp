#include "hedgecalc/align.hpp"

#include <algorithm>

#include "hedgecalc/huge_pages.hpp"

namespace hedgecalc {

namespace {

// An inner join uses each series' row at most once per aligned row.
void count_inner_unmatched(AlignedPrices& aligned, const std::vector<const PriceSeries*>& series) {
  aligned.unmatched.clear();
  for (const PriceSeries* s : series) aligned.unmatched.push_back(s->size() - aligned.time.size());
}

// A target and one proxy, the common case (every pair of a batch): one merge pass with
// two cursors and no branch on the data. Each step writes the candidate row, keeps it
// when the times match, and moves the cursor (or both) with the earlier time; the
// output, sized for the shorter series, is cut to the rows kept. Each row is written
// before it is read, so vectors reused from an earlier join need no clearing.
void join_two(const PriceSeries& a, const PriceSeries& b, AlignedPrices& aligned,
              const Executor& executor) {
  aligned.prices.resize(2);
  const size_t bound = std::min(a.size(), b.size());
  // For millions of rows, mapping and clearing fresh pages costs about what the join
  // does: the three buffers are made ready side by side.
  executor.for_each(3, [&](size_t k) {
    if (k == 0) {
      resize_huge(aligned.time, bound);
    } else {
      resize_huge(aligned.prices[k - 1], bound);
    }
  });
  Timestamp* time = aligned.time.data();
  double* first = aligned.prices[0].data();
  double* second = aligned.prices[1].data();
  size_t i = 0, j = 0, kept = 0;  // kept <= min(i, j) < bound inside the loop
  // Most rows match: where the next kRun times of both are equal, they go over as a block.
  constexpr size_t kRun = 16;
  while (i < a.size() && j < b.size()) {
    // The runs' last times first: after a gap they differ, and the whole comparison
    // (a call) is skipped.
    if (i + kRun <= a.size() && j + kRun <= b.size() &&
        a.time[i + kRun - 1] == b.time[j + kRun - 1] &&
        std::equal(a.time.begin() + static_cast<long>(i), a.time.begin() + static_cast<long>(i + kRun),
                   b.time.begin() + static_cast<long>(j))) {
      std::copy_n(a.time.begin() + static_cast<long>(i), kRun, time + kept);
      std::copy_n(a.price.begin() + static_cast<long>(i), kRun, first + kept);
      std::copy_n(b.price.begin() + static_cast<long>(j), kRun, second + kept);
      i += kRun, j += kRun, kept += kRun;
      continue;
    }
    const Timestamp ta = a.time[i], tb = b.time[j];
    time[kept] = ta, first[kept] = a.price[i], second[kept] = b.price[j];
    kept += ta == tb;
    i += ta <= tb;
    j += tb <= ta;
  }
  aligned.time.resize(kept);
  aligned.prices[0].resize(kept);
  aligned.prices[1].resize(kept);
}

AlignedPrices join_inner(const std::vector<const PriceSeries*>& series) {
  AlignedPrices aligned;
  aligned.prices.resize(series.size());
  if (series.empty()) return aligned;
  // Series on one calendar (daily closes of one market) need no search.
  bool same_times = true;
  for (const PriceSeries* s : series) same_times &= s->time == series.front()->time;
  if (same_times) {
    const std::vector<Timestamp>& time = series.front()->time;
    reserve_huge(aligned.time, time.size());
    aligned.time.assign(time.begin(), time.end());
    for (size_t k = 0; k < series.size(); ++k) {
      reserve_huge(aligned.prices[k], time.size());
      aligned.prices[k].assign(series[k]->price.begin(), series[k]->price.end());
    }
    return aligned;
  }
  size_t bound = series.front()->size();
  for (const PriceSeries* s : series) bound = std::min(bound, s->size());
  reserve_huge(aligned.time, bound);
  for (auto& prices : aligned.prices) reserve_huge(prices, bound);
  std::vector<size_t> cursor(series.size(), 0);
  const PriceSeries& lead = *series.front();
  for (size_t i = 0; i < lead.size(); ++i) {
    const Timestamp t = lead.time[i];
    bool everywhere = true;
    for (size_t k = 1; k < series.size(); ++k) {
      const PriceSeries& other = *series[k];
      size_t& j = cursor[k];
      while (j < other.size() && other.time[j] < t) ++j;
      if (j == other.size()) return aligned;  // no later match can exist
      everywhere &= other.time[j] == t;
    }
    if (!everywhere) continue;
    aligned.time.push_back(t);
    aligned.prices[0].push_back(lead.price[i]);
    for (size_t k = 1; k < series.size(); ++k) {
      aligned.prices[k].push_back(series[k]->price[cursor[k]]);
    }
  }
  return aligned;
}

}  // namespace

AlignedPrices align_inner(const std::vector<const PriceSeries*>& series) {
  AlignedPrices aligned;
  align_inner(series, aligned);
  return aligned;
}

void align_inner(const std::vector<const PriceSeries*>& series, AlignedPrices& aligned,
                 const Executor& executor) {
  // A pair's join copies runs of equal times as they come: no whole comparison first.
  if (series.size() == 2) {
    join_two(*series[0], *series[1], aligned, executor);
  } else {
    aligned = join_inner(series);
  }
  count_inner_unmatched(aligned, series);
}

AlignedPrices align_asof(const std::vector<const PriceSeries*>& series, Timestamp max_gap) {
  AlignedPrices aligned;
  aligned.prices.resize(series.size());
  if (series.empty()) return aligned;
  // cursor[k]: number of rows of series k at or before the current time.
  std::vector<size_t> cursor(series.size(), 0);
  // A proxy row can fill several target times, or none: count the rows used once.
  std::vector<size_t> used(series.size(), 0), last_used(series.size(), 0);
  const PriceSeries& lead = *series.front();
  for (size_t i = 0; i < lead.size(); ++i) {
    const Timestamp t = lead.time[i];
    bool everywhere = true;
    for (size_t k = 1; k < series.size(); ++k) {
      const PriceSeries& other = *series[k];
      size_t& j = cursor[k];
      while (j < other.size() && other.time[j] <= t) ++j;
      everywhere &= j > 0 && (max_gap < 0 || t - other.time[j - 1] <= max_gap);
    }
    if (!everywhere) continue;
    aligned.time.push_back(t);
    aligned.prices[0].push_back(lead.price[i]);
    for (size_t k = 1; k < series.size(); ++k) {
      aligned.prices[k].push_back(series[k]->price[cursor[k] - 1]);
      used[k] += last_used[k] != cursor[k];
      last_used[k] = cursor[k];
    }
  }
  aligned.unmatched.push_back(lead.size() - aligned.time.size());
  for (size_t k = 1; k < series.size(); ++k) aligned.unmatched.push_back(series[k]->size() - used[k]);
  return aligned;
}

}  // namespace hedgecalc
