#pragma once
// The worker threads of one command. Every parallel step (loading files, a batch's
// pairs, an analysis' independent estimates, the matrix's blocks) runs through the one
// Executor made from --jobs: --jobs N means at most N threads at work, and no result
// depends on N (each task writes only its own output).

#include <cstddef>
#include <functional>

#include "hedgecalc/ordered_pool.hpp"

namespace hedgecalc {

/// Runs tasks on up to jobs() threads, the caller's among them.
class Executor {
 public:
  /// At most `jobs` threads; 0: one per core.
  explicit Executor(size_t jobs = 1);

  /// How many threads may work at once.
  size_t jobs() const { return jobs_; }

  /// Runs task(i) once for every i in [0, count), in no set order, and returns when all
  /// have run; then rethrows the exception of the lowest i that threw, if any.
  void for_each(size_t count, const std::function<void(size_t)>& task) const;

  /// Runs first and second, side by side when jobs() > 1; rethrows first's exception,
  /// else second's.
  void both(const std::function<void()>& first, const std::function<void()>& second) const;

  /// ordered_parallel_map (ordered_pool.hpp) on jobs() workers: results consumed in input
  /// order on the calling thread as soon as they and all before them are ready.
  template <typename Result>
  size_t ordered_map(size_t count, size_t window, const std::function<Result(size_t)>& produce,
                     const std::function<void(size_t, Result&)>& consume,
                     const std::function<bool()>& stop_requested = {}) const {
    return ordered_parallel_map<Result>(count, jobs_, window, produce, consume, stop_requested);
  }

 private:
  size_t jobs_;
};

}  // namespace hedgecalc
