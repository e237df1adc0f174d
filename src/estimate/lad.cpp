#include "hedgecalc/lad.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "moments.hpp"

namespace hedgecalc {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The slope from the pivot to one other data point, weighted by their distance along x.
struct Candidate {
  double slope, weight;
  size_t index;
};

// What one pass over the rows learns about the pivot: the objective of the line through
// it with the current slope, and the slopes to the other points, of which only those in
// a bracket [low, high] about the expected weighted median are kept.
struct PivotPass {
  double objective = 0;
  double total = 0;  // weight of all the slopes
  double below = 0;  // weight of the slopes under the bracket
  double kept = 0;   // weight of the slopes in it
  std::vector<Candidate> inside;
};

void pass_over(const std::vector<double>& x, const std::vector<double>& y, size_t pivot,
               double slope, double low, double high, PivotPass& pass) {
  const double px = x[pivot], py = y[pivot];
  double objective = 0, total = 0, below = 0, kept = 0;
  pass.inside.clear();
  for (size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - px, dy = y[i] - py;
    objective += std::fabs(dy - slope * dx);
    // A point on the pivot's vertical has weight 0 and slope +-inf or NaN: it adds
    // nothing and is never chosen. (Skipping it with a branch made the loop 5x slower.)
    const double s = dy / dx, weight = std::fabs(dx);
    total += weight;
    // Half the slopes fall under the bracket at random: add without a branch.
    below += s < low ? weight : 0.0;
    // One branch, rarely taken: two would each be a coin toss for the predictor.
    const int in_bracket = static_cast<int>(s >= low) + static_cast<int>(s <= high);
    if (in_bracket == 2) {
      pass.inside.push_back({s, weight, i});
      kept += weight;
    }
  }
  pass.objective = objective, pass.total = total, pass.below = below, pass.kept = kept;
}

// The first candidate, in slope order, at which the weight reaches half of the total:
// the b minimising sum w_i |s_i - b|. `below` is the weight of the slopes left of all the
// items, and the crossing must lie among them. Quickselect on the slopes, carrying the
// weight of the lower part along.
size_t weighted_median(std::vector<Candidate>& items, double below, double half) {
  size_t lo = 0, hi = items.size();
  for (;;) {
    if (hi - lo == 1) return lo;
    const size_t mid = lo + (hi - lo) / 2;
    std::nth_element(items.begin() + static_cast<long>(lo), items.begin() + static_cast<long>(mid),
                     items.begin() + static_cast<long>(hi),
                     [](const Candidate& a, const Candidate& b) { return a.slope < b.slope; });
    double left = below;
    for (size_t i = lo; i < mid; ++i) left += items[i].weight;
    if (left >= half) {
      hi = mid;  // the median is among the smaller slopes
    } else if (left + items[mid].weight >= half) {
      return mid;
    } else {
      below = left + items[mid].weight;
      lo = mid + 1;
    }
  }
}

// Wesolowsky's descent from the line through data point `pivot` with `slope`. Each step
// turns the line about its pivot to the weighted median of the slopes to the other
// points, which passes through a second point, the next pivot. `width` is how far from
// the current slope the next one is first looked for; a miss widens the bracket.
double descend(const std::vector<double>& x, const std::vector<double>& y, size_t pivot,
               double slope, double width, double& objective) {
  double best = kInfinity, best_slope = slope;
  int stale = 0;
  PivotPass pass;
  for (int step = 0; step < 200; ++step) {
    pass_over(x, y, pivot, slope, slope - width, slope + width, pass);
    // Ties can make a descent circle among lines of equal objective: three steps
    // without a better line end it with the best one seen.
    if (pass.objective < best) {
      best = pass.objective, best_slope = slope, stale = 0;
    } else if (++stale == 3) {
      break;
    }
    const double half = pass.total / 2;
    if (!(half > 0)) break;  // every point on the pivot's vertical
    // Widen the bracket until it holds the crossing; the fourth miss takes every slope.
    for (int miss = 1; !(pass.below < half && pass.below + pass.kept >= half); ++miss) {
      const double wider = miss < 4 ? width * std::pow(16.0, miss) : kInfinity;
      pass_over(x, y, pivot, slope, slope - wider, slope + wider, pass);
    }
    const Candidate chosen = pass.inside[weighted_median(pass.inside, pass.below, half)];
    // The line through this pivot and the last is the weighted median through both: no
    // rotation about either point improves, which is the optimum. (Comparing objectives
    // instead would stop early when rounding in a large sum hides a small gain.)
    if (step > 0 && chosen.slope == slope) {
      best = pass.objective, best_slope = slope;
      break;
    }
    // The steps shrink as the descent closes in: look within twice the last one.
    width = std::max(2 * std::fabs(chosen.slope - slope), width * 1e-6);
    slope = chosen.slope;
    pivot = chosen.index;
  }
  objective = best;
  return best_slope;
}

// The OLS line and the ratio of standard deviations sd(y) / sd(x): the natural scale of
// slopes, from which the first bracket is sized.
struct Start {
  double intercept, slope, slope_scale;
};

Start ols_start(const std::vector<double>& x, const std::vector<double>& y) {
  const PairMoments m = pair_moments(x, y);
  const double slope = m.sxy / m.sxx, scale = std::sqrt(m.syy / m.sxx);
  return {m.mean_y - slope * m.mean_x, slope, scale > 0 && std::isfinite(scale) ? scale : 1.0};
}

// The data point nearest the line (a, b): where a descent starts.
size_t nearest_point(const std::vector<double>& x, const std::vector<double>& y, double a,
                     double b) {
  size_t pivot = 0;
  double nearest = kInfinity;
  for (size_t i = 0; i < x.size(); ++i) {
    const double d = std::fabs(y[i] - a - b * x[i]);
    if (d < nearest) nearest = d, pivot = i;
  }
  return pivot;
}

}  // namespace

double lad_slope(const std::vector<double>& x, const std::vector<double>& y, double& objective) {
  const size_t n = x.size();
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  if (n < 2 || !(*low < *high)) {
    throw DataError(flag_for(Setting::kEstimators) +
                    ": the proxy does not move, so no least-absolute-deviations slope exists");
  }
  Start start = ols_start(x, y);
  double width = start.slope_scale;
  // On many rows, solve a strided sample first: its optimum lies within a few percent
  // of the full one, so the full descent's brackets stay narrow from the first step.
  constexpr size_t kSample = 8192;
  if (n > 4 * kSample) {
    std::vector<double> xs, ys;
    for (size_t i = 0; i < n; i += n / kSample) xs.push_back(x[i]), ys.push_back(y[i]);
    const auto [sample_low, sample_high] = std::minmax_element(xs.begin(), xs.end());
    if (*sample_low < *sample_high) {
      const Start ols = ols_start(xs, ys);
      double sample_objective = 0;
      const double b = descend(xs, ys, nearest_point(xs, ys, ols.intercept, ols.slope), ols.slope,
                               ols.slope_scale, sample_objective);
      std::vector<double> r(xs.size());
      for (size_t i = 0; i < xs.size(); ++i) r[i] = ys[i] - b * xs[i];
      std::nth_element(r.begin(), r.begin() + static_cast<long>(r.size() / 2), r.end());
      start.intercept = r[r.size() / 2], start.slope = b;
      width = 0.05 * ols.slope_scale;
    }
  }
  const size_t pivot = nearest_point(x, y, start.intercept, start.slope);
  return descend(x, y, pivot, start.slope, width, objective);
}

}  // namespace hedgecalc
