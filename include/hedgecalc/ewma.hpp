#pragma once
// Exponentially weighted hedge ratio and correlation (docs/hedgecalc.md --ewma / --halflife),
// equal to pandas ewm(alpha = 1 - lambda, adjust=True) cov / var / corr.
//
// Warm-up: none; a value is undefined (NaN) while the proxy (for the ratio) or
// either series (for the correlation) has had no variation. Output length = input.

#include <cstddef>
#include <vector>

namespace hedgecalc {

/// The smallest decay accepted. Below it the weight of every earlier return is lost
/// next to the latest one's, and the weighted variances are differences of nearly
/// equal sums: noise, where pandas prints NaN.
constexpr double kSmallestEwmaLambda = 1e-6;

/// Per-date EWMA values.
struct EwmaSeries {
  std::vector<double> hedge_ratio;
  std::vector<double> correlation;
  std::vector<double> effectiveness;  ///< correlation^2, as for the rolling window
};

/// The EWMA moments fed one pair at a time: what ewma_hedge computes for each date,
/// for a caller that gets the returns as they arrive (monitor --follow).
class EwmaRecursion {
 public:
  /// Decay lambda in (0, 1).
  explicit EwmaRecursion(double lambda) : lambda_(lambda) {}
  /// Takes the next pair (proxy x, target y).
  void push(double x, double y);
  /// The ratio after the pairs so far; NaN while the proxy has not varied.
  double hedge_ratio() const;
  /// The correlation; NaN while either series has not varied.
  double correlation() const;

 private:
  double lambda_;
  bool started_ = false;
  double weight_ = 1;
  double mean_x_ = 0, mean_y_ = 0;
  double vxx_ = 0, vyy_ = 0, vxy_ = 0;
};

/// EWMA statistics of target on proxy with decay lambda in (0, 1).
EwmaSeries ewma_hedge(const std::vector<double>& target, const std::vector<double>& proxy,
                      double lambda);

/// The lambda of a half-life of h periods: 0.5^(1/h).
double lambda_from_halflife(double halflife);

}  // namespace hedgecalc
