#pragma once
// The ratios of the models fitted out of sample (estimated Kalman variances, DCC), each
// made once: the backtest and the contest ask for the same path when they start at the
// same date, and each is tens of fits.

#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <utility>
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

  /// The path asked for, made now unless made before; throws what making it threw.
  const std::vector<double>& path(const PathRequest& request);

  /// Makes the paths not made yet side by side, one a thread, and runs each of
  /// `alongside` as one more task, after the paths in the threads' order of claiming;
  /// the threads left over go to the DCC fits and to `alongside`'s executor. Each Kalman
  /// path is one serial chain of refits. With one thread, or one task, it runs
  /// `alongside` in order and leaves the paths to path(). A path that fails is not
  /// thrown here but by path(): a caller may make paths it turns out not to need.
  void make(const std::vector<PathRequest>& requests,
            const std::vector<std::function<void(const Executor&)>>& alongside = {});

 private:
  std::vector<double> compute(const PathRequest& request, const Executor& executor) const;
  std::map<size_t, std::vector<double>>& made(PathRequest::Model model);
  std::exception_ptr failure_of(const PathRequest& request) const;  ///< null: none

  const std::vector<double>& target_;
  const std::vector<double>& proxy_;
  const bool intercept_;
  const size_t rebalance_;
  const Executor& executor_;
  std::map<size_t, std::vector<double>> kalman_, dcc_;  // by first date
  std::vector<std::pair<PathRequest, std::exception_ptr>> failed_;
};

}  // namespace hedgecalc
