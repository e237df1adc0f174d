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

namespace ordered_pool_detail {

// The state the workers and the consuming thread share, and the steps each takes.
template <typename Result>
class OrderedPool {
 public:
  using Produce = std::function<Result(size_t)>;
  using Consume = std::function<void(size_t, Result&)>;

  OrderedPool(size_t count, size_t threads, size_t window, const Produce& produce,
              const std::function<bool()>& stopping)
      : count_(count), window_(window), produce_(produce), stopping_(stopping), slots_(window),
        // Workers claim runs of items and hand their results over a run at a time, so the
        // lock and the wake-ups are paid once a run, not once an item (items can take
        // microseconds).
        run_(std::max<size_t>(1, std::min(window / (2 * threads), count / (threads * 32)))) {}

  // One worker: claims a run of items, produces them, and stores the results in their slots.
  void work() {
    std::vector<Result> results;
    size_t begin = 0, end = 0;
    while (claim_run(begin, end)) {
      results.clear();
      for (size_t i = begin; i < end; ++i) results.push_back(produce_(i));
      {
        std::lock_guard<std::mutex> lock(mutex_);
        for (size_t i = begin; i < end; ++i) slots_[i % window_] = std::move(results[i - begin]);
      }
      ready_.notify_all();
    }
  }

  // The calling thread: consumes results in order until all are consumed or a stop.
  void consume_in_order(const Consume& consume) {
    std::vector<Result> taken;
    while (next_to_consume_ < count_ && !stopping_()) {
      take_ready(taken);
      if (taken.empty()) break;
      size_t consumed = 0;
      for (Result& r : taken) {
        if (consumed > 0 && stopping_()) break;
        consume(next_to_consume_ + consumed, r);
        ++consumed;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        next_to_consume_ += consumed;
      }
      room_.notify_all();
      if (consumed < taken.size()) break;
    }
  }

  // Tells the workers to return at their next claim.
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    room_.notify_all();
  }

  size_t consumed() const { return next_to_consume_; }

 private:
  // Waits for room in the window; false when there is nothing left to claim.
  bool claim_run(size_t& begin, size_t& end) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] {
      return stop_ || next_to_take_ >= count_ || next_to_take_ < next_to_consume_ + window_;
    });
    if (stop_ || next_to_take_ >= count_ || stopping_()) return false;
    begin = next_to_take_;
    end = std::min({count_, begin + run_, next_to_consume_ + window_});
    next_to_take_ = end;
    return true;
  }

  // Every result ready in order, taken under one lock; waits (polling stopping_ every
  // 50 ms) for the next one.
  void take_ready(std::vector<Result>& taken) {
    taken.clear();
    std::unique_lock<std::mutex> lock(mutex_);
    const auto has_next = [&] { return slots_[next_to_consume_ % window_].has_value(); };
    while (!has_next() && !stopping_()) {
      ready_.wait_for(lock, std::chrono::milliseconds(50), has_next);
    }
    for (size_t i = next_to_consume_; i < count_ && slots_[i % window_].has_value(); ++i) {
      taken.push_back(std::move(*slots_[i % window_]));
      slots_[i % window_].reset();
    }
  }

  const size_t count_, window_;
  const Produce& produce_;
  const std::function<bool()>& stopping_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::vector<std::optional<Result>> slots_;
  const size_t run_;
  size_t next_to_take_ = 0, next_to_consume_ = 0;
  bool stop_ = false;
};

}  // namespace ordered_pool_detail

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
  const std::function<bool()> stopping = [&] { return stop_requested && stop_requested(); };
  if (threads <= 1 || count <= 1) {
    size_t i = 0;
    for (; i < count && !stopping(); ++i) {
      Result r = produce(i);
      if (stopping()) break;
      consume(i, r);
    }
    return i;
  }
  ordered_pool_detail::OrderedPool<Result> pool(count, threads, window, produce, stopping);
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) workers.emplace_back([&pool] { pool.work(); });
  std::exception_ptr failure;
  try {
    pool.consume_in_order(consume);
  } catch (...) {
    failure = std::current_exception();
  }
  pool.stop();
  for (std::thread& t : workers) t.join();
  if (failure) std::rethrow_exception(failure);
  return pool.consumed();
}

}  // namespace hedgecalc
