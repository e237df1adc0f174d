#include "out_of_sample_paths.hpp"

#include <algorithm>

#include "hedgecalc/dcc_out_of_sample.hpp"
#include "hedgecalc/kalman.hpp"

namespace hedgecalc {

OutOfSamplePaths::OutOfSamplePaths(const std::vector<double>& target,
                                   const std::vector<double>& proxy, bool intercept,
                                   size_t rebalance, const Executor& executor)
    : target_(target),
      proxy_(proxy),
      intercept_(intercept),
      rebalance_(rebalance),
      executor_(executor) {}

const std::vector<double>& OutOfSamplePaths::path(const PathRequest& request) {
  if (const std::exception_ptr failure = failure_of(request)) std::rethrow_exception(failure);
  auto [it, added] = made(request.model).try_emplace(request.first);
  if (added) it->second = compute(request, executor_);
  return it->second;
}

void OutOfSamplePaths::make(const std::vector<PathRequest>& requests,
                            const std::vector<std::function<void(const Executor&)>>& alongside) {
  std::vector<PathRequest> missing;
  for (const PathRequest& request : requests) {
    if (made(request.model).count(request.first) == 0 && !failure_of(request) &&
        std::find(missing.begin(), missing.end(), request) == missing.end()) {
      missing.push_back(request);
    }
  }
  const size_t jobs = executor_.jobs(), tasks = missing.size() + alongside.size();
  if (tasks < 2 || jobs < 2) {  // path() makes each in turn
    for (const auto& task : alongside) task(executor_);
    return;
  }
  // Threads beyond one a task go to the DCC fits (its two GARCH fits run side by side).
  const Executor inner(jobs > tasks ? jobs - tasks + 1 : 1);
  std::vector<std::vector<double>> paths(missing.size());
  std::vector<std::exception_ptr> failures(missing.size());
  executor_.for_each(tasks, [&](size_t i) {
    if (i >= missing.size()) return alongside[i - missing.size()](inner);
    try {
      paths[i] = compute(missing[i], inner);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (size_t i = 0; i < missing.size(); ++i) {
    if (failures[i]) {
      failed_.emplace_back(missing[i], failures[i]);
    } else {
      made(missing[i].model).emplace(missing[i].first, std::move(paths[i]));
    }
  }
}

std::vector<double> OutOfSamplePaths::compute(const PathRequest& request,
                                              const Executor& executor) const {
  if (request.model == PathRequest::Model::kKalman) {
    return kalman_out_of_sample(target_, proxy_, intercept_, request.first, rebalance_);
  }
  return dcc_out_of_sample(target_, proxy_, request.first, rebalance_, executor);
}

std::exception_ptr OutOfSamplePaths::failure_of(const PathRequest& request) const {
  for (const auto& [failed, failure] : failed_) {
    if (failed == request) return failure;
  }
  return nullptr;
}

std::map<size_t, std::vector<double>>& OutOfSamplePaths::made(PathRequest::Model model) {
  return model == PathRequest::Model::kKalman ? kalman_ : dcc_;
}

}  // namespace hedgecalc
