#include "hedgecalc/ordered_pool.hpp"

#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>

using namespace hedgecalc;

TEST_CASE("results are consumed in input order whatever finishes first", "[pool]") {
  std::vector<size_t> seen;
  ordered_parallel_map<size_t>(
      500, 4, 16,
      [](size_t i) {
        // Early items sleep longer, so later ones finish first.
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return i * i;
      },
      [&](size_t i, size_t& r) {
        CHECK(r == i * i);
        seen.push_back(i);
      });
  REQUIRE(seen.size() == 500);
  for (size_t i = 0; i < seen.size(); ++i) REQUIRE(seen[i] == i);
}

TEST_CASE("an exception in the consumer stops the workers cleanly", "[pool]") {
  CHECK_THROWS_AS(ordered_parallel_map<int>(
                      1000, 3, 8, [](size_t i) { return static_cast<int>(i); },
                      [](size_t i, int&) {
                        if (i == 10) throw std::runtime_error("stop");
                      }),
                  std::runtime_error);
}

TEST_CASE("a stop request ends the map after whole items, in order", "[pool]") {
  for (size_t threads : {size_t{1}, size_t{3}}) {
    std::vector<size_t> seen;
    std::atomic<bool> stop{false};
    const size_t consumed = ordered_parallel_map<size_t>(
        1000, threads, 16, [](size_t i) { return i * 2; },
        [&](size_t i, size_t& r) {
          CHECK(r == i * 2);
          seen.push_back(i);
          if (i == 99) stop = true;
        },
        [&] { return stop.load(); });
    INFO(threads);
    CHECK(consumed == 100);
    REQUIRE(seen.size() == 100);
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
  }
}
