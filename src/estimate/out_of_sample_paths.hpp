#pragma once
// The ratios of the models fitted out of sample (estimated Kalman variances, DCC), each
// made once: the backtest and the contest ask for the same path when they start at the
// same date, and each is tens of fits.

#include <cstddef>
#include <functional>
#include <map>
#include <vector>

#include "hedgecalc/executor.hpp"

namespace hedgecalc {

/// One out-of-sample path: which model, refitted at the rebalancing dates from `first`.
struct PathRequest {
  enum class Model { kKalman, kDcc } model;
  size_t first;
  bool operator==(const PathRequest& other) const {
    return model == other.model && first == other.first;
  }
};

class OutOfSamplePaths {
 public:
  /// Paths of the returns' target and proxy; both must outlive this.
  OutOfSamplePaths(const std::vector<double>& target, const std::vector<double>& proxy,
                   bool intercept, size_t rebalance, const Executor& executor);

  /// The path asked for, made now unless made before.
  const std::vector<double>& path(const PathRequest& request);

  /// Makes the paths not made yet side by side, one a thread, and runs `alongside` (when
  /// given) as one more task; the threads left over go to the DCC fits and to
  /// `alongside`'s executor. Each Kalman path is one serial chain of refits.
  void make(const std::vector<PathRequest>& requests,
            const std::function<void(const Executor&)>& alongside = nullptr);

 private:
  std::vector<double> compute(const PathRequest& request, const Executor& executor) const;
  std::map<size_t, std::vector<double>>& made(PathRequest::Model model);

  const std::vector<double>& target_;
  const std::vector<double>& proxy_;
  const bool intercept_;
  const size_t rebalance_;
  const Executor& executor_;
  std::map<size_t, std::vector<double>> kalman_, dcc_;  // by first date
};

}  // namespace hedgecalc
