#include "cli/shard_option.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

namespace hedgecalc {

TEST_CASE("the shard option reads I/N", "[cli][shard]") {
  const Shard first = parse_shard("1/1");
  CHECK(first.index == 0);
  CHECK(first.count == 1);
  CHECK(first.whole());
  const Shard third = parse_shard("3/8");
  CHECK(third.index == 2);
  CHECK(third.count == 8);
  CHECK(third.holds(2));
  CHECK(third.holds(10));
  CHECK_FALSE(third.holds(3));
}

TEST_CASE("the shard option refuses anything but I/N with 1 <= I <= N", "[cli][shard]") {
  // "1/-1" and " 1/4" were accepted by std::stoul; "1/-1" even as N = 2^64 - 1.
  for (const char* bad : {"0/4", "5/4", "x/4", "2", "2/", "/2", "1/0", "1/2x", "1/-1", "-1/4",
                          " 1/4", "1/ 4", "+1/4", "1/4/2", "", "1/99999999999999999999"}) {
    INFO(bad);
    CHECK_THROWS_WITH(parse_shard(bad), Catch::Contains("--shard") && Catch::Contains("I/N"));
  }
}

}  // namespace hedgecalc
