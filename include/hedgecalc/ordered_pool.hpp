#pragma once
// A parallel map whose results are consumed strictly in input order, as soon as each
// result and all before it are ready. At most `window` results wait at once, so
// memory does not grow with the number of items.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hedgecalc {

/// Runs produce(i) for i in [0, count) on `threads` workers and consume(i, result)
/// in order on the calling thread. produce must not throw; consume may (the workers
/// are stopped and joined before the exception leaves). Once stop_requested() says
/// so (it is polled at least every 50 ms), no more items are consumed; results in
/// flight are dropped. Returns the number of items consumed.
template <typename Result>
size_t ordered_parallel_map(size_t count, size_t threads, size_t window,
                            const std::function<Result(size_t)>& produce,
                            const std::function<void(size_t, Result&)>& consume,
                            const std::function<bool()>& stop_requested = {}) {
  auto stopping = [&] { return stop_requested && stop_requested(); };
  if (threads <= 1 || count <= 1) {
    size_t i = 0;
    for (; i < count && !stopping(); ++i) {
      Result r = produce(i);
      if (stopping()) break;
      consume(i, r);
    }
    return i;
  }
  std::mutex mutex;
  std::condition_variable ready, room;
  std::vector<std::optional<Result>> slots(window);
  size_t next_to_take = 0, next_to_consume = 0;
  bool stop = false;
  // Workers claim runs of items and hand their results over a run at a time, so the lock
  // and the wake-ups are paid once a run, not once an item (items can take microseconds).
  const size_t run = std::max<size_t>(1, std::min(window / (2 * threads), count / (threads * 32)));
  auto worker = [&] {
    std::vector<Result> results;
    while (true) {
      size_t begin, end;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return stop || next_to_take >= count ||
                                     next_to_take < next_to_consume + window; });
        if (stop || next_to_take >= count || stopping()) return;
        begin = next_to_take;
        end = std::min({count, begin + run, next_to_consume + window});
        next_to_take = end;
      }
      results.clear();
      for (size_t i = begin; i < end; ++i) results.push_back(produce(i));
      {
        std::lock_guard<std::mutex> lock(mutex);
        for (size_t i = begin; i < end; ++i) slots[i % window] = std::move(results[i - begin]);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  std::exception_ptr failure;
  try {
    std::vector<Result> taken;
    while (next_to_consume < count && !stopping()) {
      // Every result ready in order, taken under one lock.
      taken.clear();
      {
        std::unique_lock<std::mutex> lock(mutex);
        const auto has_next = [&] { return slots[next_to_consume % window].has_value(); };
        while (!has_next() && !stopping()) {
          ready.wait_for(lock, std::chrono::milliseconds(50), has_next);
        }
        for (size_t i = next_to_consume; i < count && slots[i % window].has_value(); ++i) {
          taken.push_back(std::move(*slots[i % window]));
          slots[i % window].reset();
        }
      }
      if (taken.empty()) break;
      size_t consumed = 0;
      for (Result& r : taken) {
        if (consumed > 0 && stopping()) break;
        consume(next_to_consume + consumed, r);
        ++consumed;
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        next_to_consume += consumed;
      }
      room.notify_all();
      if (consumed < taken.size()) break;
    }
  } catch (...) {
    failure = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    stop = true;
  }
  room.notify_all();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return next_to_consume;
}

}  // namespace hedgecalc
