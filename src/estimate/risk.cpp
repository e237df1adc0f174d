#include "hedgecalc/risk.hpp"

#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "moments.hpp"
#include "order_statistics.hpp"

namespace hedgecalc {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double cut(double hedged, double unhedged) {
  return unhedged != 0 ? 1.0 - hedged / unhedged : kNan;
}

// Largest fall of the value path from its running peak: as a fraction of the peak for
// returns (the path starts at 1), in price units for diff (it starts at 0). Log returns
// are followed in log space, where the fall is 1 - exp(-(peak - value)): one exp, not one
// a row.
double max_drawdown(const std::vector<double>& x, ReturnKind kind) {
  if (in_price_units(kind) || kind == ReturnKind::kLog) {
    double level = 0, peak = 0, worst = 0;
    for (double r : x) {
      level += r;
      peak = std::max(peak, level);
      worst = std::max(worst, peak - level);
    }
    return in_price_units(kind) ? worst : -std::expm1(-worst);
  }
  double level = 1, peak = 1, worst = 0;
  for (double r : x) {
    level *= 1.0 + r;
    peak = std::max(peak, level);
    worst = std::max(worst, (peak - level) / peak);
  }
  return worst;
}

// Sample median, averaging the two middle values of an even count (numpy, scipy).
double median(const std::vector<double>& x) { return quantile(x, 0.5); }

// scipy.stats.levene(u, v, center="median"): a one-way ANOVA of z = |x - median| by
// group. z is recomputed in each pass rather than stored: two passes a group.
void brown_forsythe(const std::vector<double>& u, const std::vector<double>& v, double& w,
                    double& p) {
  const std::vector<const std::vector<double>*> groups{&u, &v};
  double centre[2], group_mean[2], size[2];
  double total = 0;
  for (size_t g = 0; g < 2; ++g) {
    centre[g] = median(*groups[g]);
    double sum = 0;
    for (double x : *groups[g]) sum += std::fabs(x - centre[g]);
    size[g] = static_cast<double>(groups[g]->size());
    group_mean[g] = sum / size[g];
    total += sum;
  }
  const double n = size[0] + size[1], grand = total / n;
  double between = 0, within = 0;
  for (size_t g = 0; g < 2; ++g) {
    between += size[g] * (group_mean[g] - grand) * (group_mean[g] - grand);
    for (double x : *groups[g]) {
      const double d = std::fabs(x - centre[g]) - group_mean[g];
      within += d * d;
    }
  }
  const double k = 2;
  w = within > 0 ? (n - k) * between / ((k - 1) * within) : kNan;
  p = std::isfinite(w) && n > k
          ? boost::math::cdf(boost::math::complement(boost::math::fisher_f(k - 1, n - k), w))
          : kNan;
}

// Pitman-Morgan: var(u) = var(v) exactly when u + v and u - v are uncorrelated. Two-pass
// moments of the sum and the difference, formed as they are read.
void pitman_morgan(const std::vector<double>& u, const std::vector<double>& v, double& t,
                   double& p) {
  const size_t n = u.size();
  if (n == 0) {
    t = p = kNan;
    return;
  }
  double mean_sum = 0, mean_difference = 0;
  for (size_t i = 0; i < n; ++i) mean_sum += u[i] + v[i], mean_difference += u[i] - v[i];
  mean_sum /= static_cast<double>(n), mean_difference /= static_cast<double>(n);
  PairMoments m;
  m.n = n, m.mean_x = mean_sum, m.mean_y = mean_difference;
  for (size_t i = 0; i < n; ++i) {
    const double a = u[i] + v[i] - mean_sum, b = u[i] - v[i] - mean_difference;
    m.sxx += a * a, m.syy += b * b, m.sxy += a * b;
  }
  const double r = correlation(m);
  const double df = static_cast<double>(n) - 2;
  t = df > 0 && std::isfinite(r) ? r * std::sqrt(df / std::max(0.0, 1 - r * r)) : kNan;
  p = std::isfinite(t) ? 2 * boost::math::cdf(boost::math::complement(
                                 boost::math::students_t(df), std::fabs(t)))
                       : (std::isinf(t) ? 0.0 : kNan);
}

}  // namespace

double quantile(const std::vector<double>& x, double q) {
  if (x.empty()) return kNan;
  const double position = q * static_cast<double>(x.size() - 1);
  const size_t low = static_cast<size_t>(std::floor(position));
  const auto [below, above] = order_statistics(x, low);
  const double fraction = position - static_cast<double>(low);
  // numpy's formula, so that a golden value matches to the last digit or two.
  return below + fraction * (above - below);
}

RiskMeasures risk_measures(const std::vector<double>& x, double level, ReturnKind kind) {
  RiskMeasures r;
  r.vol = std::sqrt(sample_variance(x));
  double downside = 0;
  for (double value : x) downside += value < 0 ? value * value : 0.0;
  r.lpm2 = x.empty() ? kNan : downside / static_cast<double>(x.size());
  const double cutoff = quantile(x, 1.0 - level);
  r.var = -cutoff;
  double tail = 0;
  size_t count = 0;
  for (double value : x) {
    if (value <= cutoff) tail += value, ++count;
  }
  r.es = count > 0 ? -tail / static_cast<double>(count) : kNan;
  r.max_drawdown = max_drawdown(x, kind);
  return r;
}

RiskReport risk_report(const std::vector<double>& u, const std::vector<double>& v, double level,
                       ReturnKind kind) {
  RiskReport report;
  report.level = level;
  report.unhedged = risk_measures(u, level, kind);
  report.hedged = risk_measures(v, level, kind);
  const RiskMeasures& a = report.unhedged;
  const RiskMeasures& b = report.hedged;
  report.reduction_variance = cut(b.vol * b.vol, a.vol * a.vol);
  report.reduction_lpm2 = cut(b.lpm2, a.lpm2);
  report.reduction_var = cut(b.var, a.var);
  report.reduction_es = cut(b.es, a.es);
  report.reduction_max_drawdown = cut(b.max_drawdown, a.max_drawdown);
  pitman_morgan(u, v, report.pitman_morgan_t, report.pitman_morgan_p);
  brown_forsythe(u, v, report.brown_forsythe_w, report.brown_forsythe_p);
  return report;
}

}  // namespace hedgecalc
