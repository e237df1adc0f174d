#include "break_search.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"

namespace hedgecalc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double f_statistic(double rss, double rss1, double rss2, size_t n, size_t k) {
  const double split = rss1 + rss2;
  if (std::isnan(split) || !(split > 0) || n <= 2 * k) return kNaN;
  return (rss - split) / (split / static_cast<double>(n - 2 * k));
}

}  // namespace

SegmentMoments::SegmentMoments(size_t p, bool intercept)
    : p_(p),
      intercept_(intercept),
      mean_(p + 1, 0.0),
      moment_((p + 1) * (p + 1), 0.0),
      work_(p + 1, 0.0),
      old_delta_(p + 1, 0.0),
      sxx_(p, p),
      sxy_(p),
      llt_(p) {}

void SegmentMoments::add(const ReturnSeries& returns, size_t i) {
  const size_t d = p_ + 1;
  // work_ = this row as (x_1..x_p, y).
  for (size_t j = 0; j < p_; ++j) work_[j] = returns.values[j + 1][i];
  work_[p_] = returns.values[0][i];
  ++n_;
  if (!intercept_) {
    for (size_t a = 0; a < d; ++a) {
      for (size_t b = 0; b < d; ++b) moment_[a * d + b] += work_[a] * work_[b];
    }
    return;
  }
  // Welford: C += (v - mean_old)(v - mean_new)^T keeps the co-moments centred.
  for (size_t a = 0; a < d; ++a) {
    old_delta_[a] = work_[a] - mean_[a];
    mean_[a] += old_delta_[a] / static_cast<double>(n_);
    work_[a] -= mean_[a];  // now v - mean_new
  }
  for (size_t a = 0; a < d; ++a) {
    for (size_t b = 0; b < d; ++b) moment_[a * d + b] += old_delta_[a] * work_[b];
  }
}

double SegmentMoments::rss() const {
  const size_t d = p_ + 1;
  const double syy = moment_[p_ * d + p_];
  if (p_ == 1) {
    const double sxx = moment_[0], sxy = moment_[1];
    if (!(sxx > 0)) return kNaN;
    return std::max(0.0, syy - sxy * sxy / sxx);
  }
  for (size_t a = 0; a < p_; ++a) {
    sxy_[static_cast<Eigen::Index>(a)] = moment_[a * d + p_];
    for (size_t b = 0; b < p_; ++b) {
      sxx_(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) = moment_[a * d + b];
    }
  }
  llt_.compute(sxx_);
  if (llt_.info() != Eigen::Success) return kNaN;
  return std::max(0.0, syy - sxy_.dot(llt_.solve(sxy_)));
}

BreakSearch search_break(const ReturnSeries& returns, bool intercept, double trim) {
  const size_t n = returns.size();
  const size_t p = returns.values.size() - 1;
  const size_t k = p + (intercept ? 1 : 0);
  BreakSearch search;
  search.from = std::max(static_cast<size_t>(std::floor(trim * static_cast<double>(n))), k + 1);
  search.to = n - static_cast<size_t>(std::floor(trim * static_cast<double>(n)));
  if (n >= k + 1) search.to = std::min(search.to, n - k - 1);
  if (n < 2 * (k + 1) || search.from > search.to) {
    throw DataError("only " + std::to_string(n) + " returns: the break search needs at least " +
                    std::to_string(2 * (k + 1)) + " (" + std::to_string(k + 1) +
                    " on each side of a break, for " + std::to_string(k) +
                    " coefficients) inside the trimmed range; lower " + flag_for(Setting::kTrim) +
                    " or use a longer date range");
  }
  search.lambda = static_cast<double>((n - search.from) * search.to) /
                  static_cast<double>(search.from * (n - search.to));
  // RSS of every prefix [0, b) and every suffix [b, n) in the range, one pass each.
  const size_t points = search.to - search.from + 1;
  std::vector<double> before(points), after(points);
  SegmentMoments forward(p, intercept), backward(p, intercept);
  for (size_t i = 0; i < n; ++i) {
    forward.add(returns, i);
    const size_t b = i + 1;
    if (b >= search.from && b <= search.to) before[b - search.from] = forward.rss();
  }
  search.rss = forward.rss();
  for (size_t i = n; i-- > 0;) {
    backward.add(returns, i);
    if (i >= search.from && i <= search.to) after[i - search.from] = backward.rss();
  }
  search.f.resize(points);
  search.supf = kNaN;
  for (size_t j = 0; j < points; ++j) {
    search.f[j] = f_statistic(search.rss, before[j], after[j], n, k);
    if (!std::isnan(search.f[j]) && (std::isnan(search.supf) || search.f[j] > search.supf)) {
      search.supf = search.f[j];
      search.best = search.from + j;
    }
  }
  return search;
}

double break_f(const ReturnSeries& returns, bool intercept, size_t b) {
  const size_t n = returns.size();
  const size_t p = returns.values.size() - 1;
  SegmentMoments all(p, intercept), first(p, intercept), second(p, intercept);
  for (size_t i = 0; i < n; ++i) {
    all.add(returns, i);
    (i < b ? first : second).add(returns, i);
  }
  return f_statistic(all.rss(), first.rss(), second.rss(), n, p + (intercept ? 1 : 0));
}

}  // namespace hedgecalc
