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
  a.window.count = 10;
  a.window.text = "10";
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

TEST_CASE("the value plot draws what 1 held unhedged, hedged and net of cost grew to",
          "[plot]") {
  Analysis a;
  a.labels = {"t.csv:Close", "p.csv:Close"};
  const size_t n = 40;
  for (size_t i = 0; i < n; ++i) a.returns.time.push_back(static_cast<Timestamp>(i) * kNanosPerDay);
  a.full.n = n;
  a.full.date_only = true;
  a.backtest = Backtest{};
  a.backtest->rebalance = 5;
  a.backtest_method = "rolling 10";
  // Dates 10..39 out of sample: unhedged +1% a date, hedged +0.5%, net 0.4%.
  OutOfSample path;
  for (size_t t = 10; t < n; ++t) {
    path.target.push_back(0.01);
    path.hedged.push_back(0.005);
    path.cost.push_back(0.001);
    path.net.push_back(0.004);
    path.held.push_back(1);
  }
  a.backtest_path = path;
  a.costs.cost_bps = 10;
  const std::string svg = render_value_plot(a);
  CHECK_THAT(svg, Contains("Value of 1 held in t.csv:Close, hedged by rolling 10 (30 returns"));
  CHECK_THAT(svg, Contains(">unhedged<") && Contains(">hedged<") && Contains(">hedged, net of cost<"));
  size_t lines = 0;
  for (size_t at = 0; (at = svg.find("<polyline", at)) != std::string::npos; ++at) ++lines;
  CHECK(lines == 3);
  CHECK_THAT(svg, Contains("1970-01-11"));  // the first out-of-sample date
  CHECK(value_path({0.1, 0.1}, ReturnKind::kSimple)[1] == Approx(1.21));
  CHECK(value_path({0.1, 0.1}, ReturnKind::kLog)[1] == Approx(std::exp(0.2)));
  CHECK(value_path({0.1, 0.1}, ReturnKind::kDiff)[1] == Approx(0.2));
  // Without costs the net line would repeat the hedged one: left out.
  a.costs = HedgeCosts{};
  const std::string plain = render_value_plot(a);
  CHECK(plain.find("net of cost") == std::string::npos);
  a.backtest_path.reset();
  CHECK_THROWS(render_value_plot(a));
}
