#include "hedgecalc/estimators.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#include "hedgecalc/error.hpp"
#include "hedgecalc/setting.hpp"
#include "order_statistics.hpp"

namespace hedgecalc {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// Weighted least squares with an intercept, by weighted two-pass moments.
struct Line {
  double intercept, slope;
};

// The second pass, about the weighted means mx, my of the first.
Line centred_fit(const std::vector<double>& x, const std::vector<double>& y,
                 const std::vector<double>* w, double mx, double my) {
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double wi = w ? (*w)[i] : 1.0;
    sxx += wi * (x[i] - mx) * (x[i] - mx);
    sxy += wi * (x[i] - mx) * (y[i] - my);
  }
  const double slope = sxx > 0 ? sxy / sxx : kNan;
  return {my - slope * mx, slope};
}

Line weighted_fit(const std::vector<double>& x, const std::vector<double>& y,
                  const std::vector<double>* w) {
  double sw = 0, mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double wi = w ? (*w)[i] : 1.0;
    sw += wi, mx += wi * x[i], my += wi * y[i];
  }
  return centred_fit(x, y, w, mx / sw, my / sw);
}

// The OLS slope of y on x over the rows where keep(x) holds: two passes, each row
// weighted 1 or 0 rather than branched on, since up and down days alternate at random.
template <typename Keep>
double subset_slope(const std::vector<double>& x, const std::vector<double>& y, Keep keep) {
  double count = 0, mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double kept = keep(x[i]) ? 1.0 : 0.0;
    count += kept, mx += kept * x[i], my += kept * y[i];
  }
  if (count < 3) return kNan;
  mx /= count, my /= count;
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double kept = keep(x[i]) ? 1.0 : 0.0;
    sxx += kept * (x[i] - mx) * (x[i] - mx);
    sxy += kept * (x[i] - mx) * (y[i] - my);
  }
  return sxx > 0 ? sxy / sxx : kNan;
}

// Dimson's beta: y_t on x_{t-K} .. x_{t+K}, t from K to n-K-1, the slopes summed. The
// centred design is never built whole: blocks of rows are stacked under the triangle R
// of the rows before and decomposed again (Householder, a "tall-skinny" QR), so the work
// stays in cache and nothing the size of the data is allocated. The target rides along
// as a last column, leaving Q'y beside R. Rank is judged on R as fit_ols judges it on
// the design (column pivots, the same threshold): they have the same pivots.
double dimson_beta(const std::vector<double>& x, const std::vector<double>& y, size_t k) {
  const size_t n = x.size(), rows = n - 2 * k;
  const long columns = static_cast<long>(2 * k + 1);
  // Two-pass means of each lagged column and of the target.
  auto window_mean = [rows](const std::vector<double>& v, size_t first) {
    double mean = 0;
    for (size_t t = first; t < first + rows; ++t) mean += v[t];
    mean /= static_cast<double>(rows);
    double fix = 0;
    for (size_t t = first; t < first + rows; ++t) fix += v[t] - mean;
    return mean + fix / static_cast<double>(rows);
  };
  std::vector<double> mean(static_cast<size_t>(columns) + 1);
  for (long j = 0; j < columns; ++j) mean[static_cast<size_t>(j)] = window_mean(x, static_cast<size_t>(j));
  mean.back() = window_mean(y, k);
  constexpr long kBlock = 4096;
  const long width = columns + 1;
  Eigen::MatrixXd stack(kBlock + width, width);
  long kept = 0;  // rows of R at the top of the stack
  for (size_t start = 0; start < rows; start += kBlock) {
    const long count = static_cast<long>(std::min<size_t>(kBlock, rows - start));
    for (long i = 0; i < count; ++i) {
      const size_t row = start + static_cast<size_t>(i);
      for (long j = 0; j < columns; ++j) {
        stack(kept + i, j) = x[row + static_cast<size_t>(j)] - mean[static_cast<size_t>(j)];
      }
      stack(kept + i, columns) = y[row + k] - mean.back();
    }
    auto block = stack.topRows(kept + count);
    Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr(block);
    kept = std::min(width, kept + count);
    stack.topRows(kept).triangularView<Eigen::StrictlyLower>().setZero();
  }
  if (kept < width) return kNan;  // fewer rows than columns: cannot happen past the check above
  const Eigen::MatrixXd r = stack.topLeftCorner(columns, columns);
  const Eigen::VectorXd qty = stack.col(columns).head(columns);
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> pivoted(r);
  pivoted.setThreshold(std::numeric_limits<double>::epsilon() * static_cast<double>(rows));
  if (pivoted.rank() < columns) return kNan;
  return pivoted.solve(qty).sum();
}

}  // namespace

double huber_slope(const std::vector<double>& x, const std::vector<double>& y) {
  constexpr double t = 1.345, mad_c = 0.6744897501960817;  // HuberT; norm.ppf(3/4)
  const size_t n = x.size();
  const double dof = static_cast<double>(n) - 2;
  // Each fit costs three passes over the rows and one selection: the weights with the
  // first weighted sums and the deviance of the fit before; the centred sums; the
  // residuals with their weighted square sum. The MAD is a median of |r| by selection.
  std::vector<double> w(n, 1.0), abs_r(n);
  // The residuals of `line` into abs_r as |r|; returns sum w r^2 with the weights it
  // was fitted with (statsmodels' WLS scale times n - p).
  auto fill_residuals = [&](const Line& line) {
    double ssr = 0;
    for (size_t i = 0; i < n; ++i) {
      const double r = y[i] - line.intercept - line.slope * x[i];
      ssr += w[i] * r * r;
      abs_r[i] = std::fabs(r);
    }
    return ssr;
  };
  Line line = weighted_fit(x, y, nullptr);
  double ssr = fill_residuals(line);
  double scale = median_of(abs_r) / mad_c;
  double previous = kNan;
  for (int iteration = 2; iteration <= 50; ++iteration) {
    if (scale == 0.0) break;  // a perfect fit of the weighted data
    // Weights min(1, t / |r / s|) = c / max(|r|, c) with c = t s, without a branch; and
    // statsmodels' deviance of the current fit, which divides |r| by the WLS results'
    // own scale sum w r^2 / (n - p), a variance.
    const double cut = t * scale, per_scale = dof / ssr;
    double sw = 0, swx = 0, swy = 0, deviance = 0;
    for (size_t i = 0; i < n; ++i) {
      const double wi = cut / std::max(abs_r[i], cut);
      w[i] = wi;
      sw += wi, swx += wi * x[i], swy += wi * y[i];
      const double z = abs_r[i] * per_scale;
      deviance += z <= t ? 0.5 * z * z : z * t - 0.5 * t * t;
    }
    // statsmodels stops when the deviance changes by less than 1e-8 from one fit to
    // the next; this is that test for the fit before, made here to share the pass.
    if (iteration > 2 && !(std::fabs(deviance - previous) > 1e-8)) break;
    previous = deviance;
    const Line next = centred_fit(x, y, &w, swx / sw, swy / sw);
    ssr = fill_residuals(next);
    const double next_scale = median_of(abs_r) / mad_c;
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
  }
  return line.slope;
}

OtherBetas other_betas(const std::vector<double>& x, const std::vector<double>& y, size_t dimson_lags,
                       const Executor& executor) {
  const size_t n = x.size();
  const size_t k = dimson_lags;
  const size_t rows = n > 2 * k ? n - 2 * k : 0;
  if (rows < 2 * k + 3) {
    throw DataError(flag_for(Setting::kDimsonLags) + " " + std::to_string(k) +
                    ": the Dimson regression needs at least " + std::to_string(2 * k + 3) +
                    " returns with all " + std::to_string(2 * k + 1) + " leads and lags, and has " +
                    std::to_string(rows) + "; use fewer lags");
  }
  OtherBetas b;
  // Huber's reweighted fits take about as long as all the rest: on many rows the rest
  // runs on a second core meanwhile. Each result is the same either way.
  auto the_rest = [&] {
    b.lad = lad_slope(x, y, b.lad_objective);
    b.up = subset_slope(x, y, [](double v) { return v > 0; });
    b.down = subset_slope(x, y, [](double v) { return v < 0; });
    b.dimson = dimson_beta(x, y, k);
  };
  auto ols_and_huber = [&] {
    b.ols = weighted_fit(x, y, nullptr).slope;
    b.huber = huber_slope(x, y);
  };
  // Below this many rows a second thread costs more than it saves.
  constexpr size_t kParallelFrom = 100000;
  (n >= kParallelFrom ? executor : Executor(1)).both(ols_and_huber, the_rest);
  b.dimson_lags = k;
  return b;
}

}  // namespace hedgecalc
