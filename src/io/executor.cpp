#include "hedgecalc/executor.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace hedgecalc {

Executor::Executor(size_t jobs)
    : jobs_(jobs > 0 ? jobs : std::max<size_t>(1, std::thread::hardware_concurrency())) {}

void Executor::for_each(size_t count, const std::function<void(size_t)>& task) const {
  std::vector<std::exception_ptr> failures(count);
  std::atomic<size_t> next{0};
  // Each thread claims the next index until none is left: long and short tasks balance.
  auto work = [&] {
    for (size_t i; (i = next++) < count;) {
      try {
        task(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < std::min(jobs_, count); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

void Executor::both(const std::function<void()>& first, const std::function<void()>& second) const {
  for_each(2, [&](size_t i) { i == 0 ? first() : second(); });
}

}  // namespace hedgecalc
