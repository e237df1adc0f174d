#include "hedgecalc/estimators.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/ols.hpp"

namespace hedgecalc {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// Weighted least squares with an intercept, by weighted two-pass moments.
struct Line {
  double intercept, slope;
};

Line weighted_fit(const std::vector<double>& x, const std::vector<double>& y,
                  const std::vector<double>* w) {
  double sw = 0, mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double wi = w ? (*w)[i] : 1.0;
    sw += wi, mx += wi * x[i], my += wi * y[i];
  }
  mx /= sw, my /= sw;
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double wi = w ? (*w)[i] : 1.0;
    sxx += wi * (x[i] - mx) * (x[i] - mx);
    sxy += wi * (x[i] - mx) * (y[i] - my);
  }
  const double slope = sxx > 0 ? sxy / sxx : kNan;
  return {my - slope * mx, slope};
}

double median_abs(std::vector<double> r) {
  for (double& v : r) v = std::fabs(v);
  const size_t m = r.size() / 2;
  std::nth_element(r.begin(), r.begin() + static_cast<long>(m), r.end());
  const double upper = r[m];
  if (r.size() % 2 == 1) return upper;
  return (*std::max_element(r.begin(), r.begin() + static_cast<long>(m)) + upper) / 2;
}

// The OLS slope of y on x over the rows where keep(x) holds.
template <typename Keep>
double subset_slope(const std::vector<double>& x, const std::vector<double>& y, Keep keep) {
  std::vector<double> xs, ys;
  for (size_t i = 0; i < x.size(); ++i) {
    if (keep(x[i])) xs.push_back(x[i]), ys.push_back(y[i]);
  }
  return xs.size() >= 3 ? weighted_fit(xs, ys, nullptr).slope : kNan;
}

// The b minimising sum w_i |s_i - b| over items [begin, end): a weighted median, found by
// quickselect on the slopes with the weight of the lower part carried along.
struct Candidate {
  double slope, weight;
  size_t index;
};

size_t weighted_median(std::vector<Candidate>& items) {
  double total = 0;
  for (const Candidate& c : items) total += c.weight;
  const double half = total / 2;
  size_t lo = 0, hi = items.size();
  double below = 0;  // weight of the items left of lo
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

double absolute_deviation(const std::vector<double>& x, const std::vector<double>& y, double a,
                          double b) {
  double sum = 0;
  for (size_t i = 0; i < x.size(); ++i) sum += std::fabs(y[i] - a - b * x[i]);
  return sum;
}

}  // namespace

double huber_slope(const std::vector<double>& x, const std::vector<double>& y) {
  constexpr double t = 1.345, mad_c = 0.6744897501960817;  // HuberT; norm.ppf(3/4)
  const size_t n = x.size();
  const double dof = static_cast<double>(n) - 2;
  std::vector<double> r(n), w(n, 1.0), scratch(n);
  auto fill_residuals = [&](const Line& line) {
    for (size_t i = 0; i < n; ++i) r[i] = y[i] - line.intercept - line.slope * x[i];
  };
  auto mad = [&] {
    scratch = r;
    return median_abs(std::move(scratch)) / mad_c;
  };
  // statsmodels' deviance divides by the WLS results' own scale, sum w r^2 / (n - p).
  auto deviance = [&] {
    double ssr = 0;
    for (size_t i = 0; i < n; ++i) ssr += w[i] * r[i] * r[i];
    const double s = ssr / dof;
    double sum = 0;
    for (double v : r) {
      const double z = std::fabs(v / s);
      sum += z <= t ? 0.5 * z * z : z * t - 0.5 * t * t;
    }
    return sum;
  };
  Line line = weighted_fit(x, y, nullptr);
  fill_residuals(line);
  double scale = mad();
  double previous = deviance();
  for (int iteration = 2; iteration <= 50; ++iteration) {
    if (scale == 0.0) break;  // a perfect fit of the weighted data
    for (size_t i = 0; i < n; ++i) {
      const double z = std::fabs(r[i] / scale);
      w[i] = z <= t ? 1.0 : t / z;
    }
    const Line next = weighted_fit(x, y, &w);
    fill_residuals(next);
    const double next_scale = mad();
    // statsmodels' deviance test rarely fires (it divides residuals by a variance), so
    // it runs all 50 fits; the iteration contracts by about 7x a step, so once a step
    // moves the fit by under 1e-13 relative, the fits left would move it by less than
    // 1e-13 more, far inside the 1e-6 the slope is checked to.
    const bool settled = std::fabs(next.slope - line.slope) <= 1e-13 * std::fabs(next.slope) &&
                         std::fabs(next.intercept - line.intercept) <=
                             1e-13 * (std::fabs(next.intercept) + next_scale) &&
                         std::fabs(next_scale - scale) <= 1e-13 * next_scale;
    line = next;
    scale = next_scale;
    if (settled) break;
    const double current = deviance();
    if (!(std::fabs(current - previous) > 1e-8)) break;
    previous = current;
  }
  return line.slope;
}

namespace {

// Wesolowsky's descent from the line through data point `pivot`.
double lad_descent(const std::vector<double>& x, const std::vector<double>& y, size_t pivot,
                   double& objective) {
  const size_t n = x.size();
  double best = INFINITY, best_slope = kNan;
  std::vector<Candidate> items;
  items.reserve(n);
  for (int step = 0; step < 200; ++step) {
    items.clear();
    for (size_t i = 0; i < n; ++i) {
      const double dx = x[i] - x[pivot];
      if (dx != 0) items.push_back({(y[i] - y[pivot]) / dx, std::fabs(dx), i});
    }
    const Candidate chosen = items[weighted_median(items)];
    const double slope = chosen.slope;
    const double value = absolute_deviation(x, y, y[pivot] - slope * x[pivot], slope);
    // Each step is a line through two data points that does no worse: stop when it
    // stops doing better (no rotation about either point improves: the optimum).
    if (!(value < best * (1 - 1e-15))) {
      if (value < best) best = value, best_slope = slope;
      break;
    }
    best = value, best_slope = slope;
    pivot = chosen.index;
  }
  objective = best;
  return best_slope;
}

// The data point nearest the line (a, b): where a descent starts.
size_t nearest_point(const std::vector<double>& x, const std::vector<double>& y, double a, double b) {
  size_t pivot = 0;
  double nearest = INFINITY;
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
    throw DataError("--estimators: the proxy does not move, so no least-absolute-deviations slope exists");
  }
  Line start = weighted_fit(x, y, nullptr);
  // On many rows, solve a strided sample first: its optimum starts the full descent a
  // step or two from the end, instead of a dozen full passes from the OLS line.
  constexpr size_t kSample = 8192;
  if (n > 4 * kSample) {
    std::vector<double> xs, ys;
    for (size_t i = 0; i < n; i += n / kSample) xs.push_back(x[i]), ys.push_back(y[i]);
    const auto [sample_low, sample_high] = std::minmax_element(xs.begin(), xs.end());
    if (*sample_low < *sample_high) {
      double sample_objective = 0;
      const Line ols = weighted_fit(xs, ys, nullptr);
      const size_t sample_pivot = nearest_point(xs, ys, ols.intercept, ols.slope);
      const double b = lad_descent(xs, ys, sample_pivot, sample_objective);
      std::vector<double> r(xs.size());
      for (size_t i = 0; i < xs.size(); ++i) r[i] = ys[i] - b * xs[i];
      std::nth_element(r.begin(), r.begin() + static_cast<long>(r.size() / 2), r.end());
      start = Line{r[r.size() / 2], b};
    }
  }
  return lad_descent(x, y, nearest_point(x, y, start.intercept, start.slope), objective);
}

OtherBetas other_betas(const std::vector<double>& x, const std::vector<double>& y, size_t dimson_lags) {
  const size_t n = x.size();
  const size_t k = dimson_lags;
  const size_t rows = n > 2 * k ? n - 2 * k : 0;
  if (rows < 2 * k + 3) {
    throw DataError("--dimson-lags " + std::to_string(k) + ": the Dimson regression needs at least " +
                    std::to_string(2 * k + 3) + " returns with all " + std::to_string(2 * k + 1) +
                    " leads and lags, and has " + std::to_string(rows) + "; use fewer lags");
  }
  OtherBetas b;
  b.ols = weighted_fit(x, y, nullptr).slope;
  b.huber = huber_slope(x, y);
  b.lad = lad_slope(x, y, b.lad_objective);
  b.up = subset_slope(x, y, [](double v) { return v > 0; });
  b.down = subset_slope(x, y, [](double v) { return v < 0; });
  // Dimson: y_t on x_{t-K} .. x_{t+K}, t from K to n-K-1; the betas summed.
  Eigen::VectorXd target(static_cast<long>(rows));
  Eigen::MatrixXd design(static_cast<long>(rows), static_cast<long>(2 * k + 1));
  for (size_t t = k; t + k < n; ++t) {
    const long row = static_cast<long>(t - k);
    target(row) = y[t];
    for (size_t j = 0; j <= 2 * k; ++j) design(row, static_cast<long>(j)) = x[t + j - k];
  }
  const OlsFit fit = fit_ols(target, design, true);
  b.dimson = fit.rank < static_cast<long>(2 * k + 1) ? kNan : fit.coefficients.sum();
  b.dimson_lags = k;
  return b;
}

}  // namespace hedgecalc
