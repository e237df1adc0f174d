#include "hedgecalc/risk.hpp"

#include <algorithm>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "hedgecalc/backtest.hpp"
#include "hedgecalc/moments.hpp"
#include "hedgecalc/order_statistics.hpp"

namespace hedgecalc {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double cut(double hedged, double unhedged) {
  return unhedged != 0 ? 1.0 - hedged / unhedged : kNan;
}

// Largest fall of the value path from its running peak: as a fraction of the peak for
// returns (the path starts at 1), in price units for diff (it starts at 0).
double max_drawdown(const std::vector<double>& x, ReturnKind kind) {
  const std::vector<double> path = value_path(x, kind);
  const bool units = kind == ReturnKind::kDiff;
  double peak = units ? 0.0 : 1.0, worst = 0.0;
  for (double value : path) {
    peak = std::max(peak, value);
    const double fall = units ? peak - value : (peak - value) / peak;
    worst = std::max(worst, fall);
  }
  return worst;
}

// Sample median, averaging the two middle values of an even count (numpy, scipy).
double median(const std::vector<double>& x) { return quantile(x, 0.5); }

// scipy.stats.levene(u, v, center="median"): a one-way ANOVA of |x - median| by group.
void brown_forsythe(const std::vector<double>& u, const std::vector<double>& v, double& w,
                    double& p) {
  const std::vector<const std::vector<double>*> groups{&u, &v};
  std::vector<std::vector<double>> z(2);
  double total = 0;
  size_t count = 0;
  for (size_t g = 0; g < 2; ++g) {
    const double m = median(*groups[g]);
    z[g].reserve(groups[g]->size());
    for (double x : *groups[g]) z[g].push_back(std::fabs(x - m));
    for (double d : z[g]) total += d;
    count += z[g].size();
  }
  const double grand = total / static_cast<double>(count);
  double between = 0, within = 0;
  for (size_t g = 0; g < 2; ++g) {
    const double group_mean = mean(z[g]);
    between += static_cast<double>(z[g].size()) * (group_mean - grand) * (group_mean - grand);
    for (double d : z[g]) within += (d - group_mean) * (d - group_mean);
  }
  const double k = 2, n = static_cast<double>(count);
  w = within > 0 ? (n - k) * between / ((k - 1) * within) : kNan;
  p = std::isfinite(w) && n > k
          ? boost::math::cdf(boost::math::complement(boost::math::fisher_f(k - 1, n - k), w))
          : kNan;
}

// Pitman-Morgan: var(u) = var(v) exactly when u + v and u - v are uncorrelated.
void pitman_morgan(const std::vector<double>& u, const std::vector<double>& v, double& t,
                   double& p) {
  std::vector<double> sum(u.size()), difference(u.size());
  for (size_t i = 0; i < u.size(); ++i) sum[i] = u[i] + v[i], difference[i] = u[i] - v[i];
  const double r = correlation(pair_moments(sum, difference));
  const double df = static_cast<double>(u.size()) - 2;
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
