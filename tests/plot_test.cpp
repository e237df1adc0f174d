#include "hedgecalc/plot.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace hedgecalc;
using Catch::Matchers::Contains;

TEST_CASE("nice ticks are round and cover the range", "[plot]") {
  const std::vector<double> ticks = nice_ticks(0.93, 1.71, 5);
  REQUIRE(ticks.size() == 4);
  for (size_t i = 0; i < ticks.size(); ++i) CHECK(ticks[i] == Approx(1.0 + 0.2 * i));
  CHECK(nice_ticks(-1, 1, 4) == std::vector<double>{-1, -0.5, 0, 0.5, 1});
}

TEST_CASE("xml escaping", "[plot]") {
  CHECK(xml_escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;");
}

TEST_CASE("the SVG has both panels, labelled axes, dates and the full-sample line", "[plot]") {
  Analysis a;
  a.labels = {"t.csv:Close", "p<x>.csv:Close"};
  const size_t n = 50;
  for (size_t i = 0; i < n; ++i) a.returns.time.push_back(static_cast<Timestamp>(i) * kNanosPerDay);
  a.full.n = n;
  a.full.proxies = {ProxyEstimate{1.2, 0.1, 12, 1, 1.4}};
  a.window = parse_window("10");
  a.rolling = RollingSeries{};
  for (size_t i = 0; i < n; ++i) {
    a.rolling->hedge_ratio.push_back(i < 9 ? NAN : 1 + 0.01 * i);
    a.rolling->correlation.push_back(i < 9 ? NAN : 0.5 + 0.005 * i);
  }
  const std::string svg = render_plot(a);
  CHECK_THAT(svg, Contains("<svg") && Contains("</svg>") && Contains("polyline") &&
                      Contains("hedge ratio") && Contains("correlation") &&
                      Contains("1970-01-01") && Contains("1970-02-19") &&
                      Contains("full sample 1.2") && Contains("p&lt;x&gt;.csv") &&
                      Contains("rolling 10") && Contains("stroke-dasharray"));
  CHECK_FALSE(svg.find("nan") != std::string::npos);
}
