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
  auto [it, added] = made(request.model).try_emplace(request.first);
  if (added) it->second = compute(request, executor_);
  return it->second;
}

void OutOfSamplePaths::make(const std::vector<PathRequest>& requests) {
  std::vector<PathRequest> missing;
  for (const PathRequest& request : requests) {
    if (made(request.model).count(request.first) == 0 &&
        std::find(missing.begin(), missing.end(), request) == missing.end()) {
      missing.push_back(request);
    }
  }
  const size_t jobs = executor_.jobs();
  if (missing.size() < 2 || jobs < 2) return;  // path() makes each in turn
  // Threads beyond one a path go to the DCC fits (its two GARCH fits run side by side).
  const Executor inner(jobs > missing.size() ? jobs - missing.size() + 1 : 1);
  std::vector<std::vector<double>> paths(missing.size());
  executor_.for_each(missing.size(), [&](size_t i) { paths[i] = compute(missing[i], inner); });
  for (size_t i = 0; i < missing.size(); ++i) {
    made(missing[i].model).emplace(missing[i].first, std::move(paths[i]));
  }
}

std::vector<double> OutOfSamplePaths::compute(const PathRequest& request,
                                              const Executor& executor) const {
  if (request.model == PathRequest::Model::kKalman) {
    return kalman_out_of_sample(target_, proxy_, intercept_, request.first, rebalance_);
  }
  return dcc_out_of_sample(target_, proxy_, request.first, rebalance_, executor);
}

std::map<size_t, std::vector<double>>& OutOfSamplePaths::made(PathRequest::Model model) {
  return model == PathRequest::Model::kKalman ? kalman_ : dcc_;
}

}  // namespace hedgecalc
