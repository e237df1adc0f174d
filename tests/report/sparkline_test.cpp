#include "report/sparkline.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace hedgecalc;

TEST_CASE("sparklines scale from the lowest to the highest block", "[sparkline]") {
  CHECK(sparkline({1, 2, 3, 4, 5, 6, 7, 8}, 8) == "▁▂▃▄▅▆▇█");
  CHECK(sparkline({NAN, 0, 1}, 3) == " ▁█");
  CHECK(sparkline({2, 2}, 2) == "▅▅");
  // Squeezed: each cell the mean of its stretch.
  CHECK(sparkline({0, 0, 10, 10}, 2) == "▁█");
  CHECK(sparkline({}, 5).empty());
}
