#include "report/csv_reporter.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using namespace hedgecalc;

namespace {
Value sample() {
  Value rolling = Value::object();
  rolling.add("last", Value::number(0.25)).add("min", Value::null());
  Value record = Value::object();
  record.add("target", Value::string("a,\"b\".csv:Close"))
      .add("n", Value::integer(3))
      .add("ratio", Value::number(1e-300))
      .add("undefined", Value::number(NAN))
      .add("rolling", std::move(rolling));
  return record;
}

std::string render(char delimiter, bool header, int records = 1) {
  std::ostringstream out;
  CsvReporter reporter(out, delimiter, header);
  for (int i = 0; i < records; ++i) reporter.write(sample());
  reporter.finish();
  return out.str();
}
}  // namespace

TEST_CASE("csv golden output: flattened names, quoting, empty undefined", "[csv]") {
  CHECK(render(',', true, 2) ==
        "target,n,ratio,undefined,rolling_last,rolling_min\n"
        "\"a,\"\"b\"\".csv:Close\",3,1e-300,,0.25,\n"
        "\"a,\"\"b\"\".csv:Close\",3,1e-300,,0.25,\n");
}

TEST_CASE("csv without header", "[csv]") {
  CHECK(render(',', false) == "\"a,\"\"b\"\".csv:Close\",3,1e-300,,0.25,\n");
}

TEST_CASE("tsv golden output", "[csv]") {
  CHECK(render('\t', true) ==
        "target\tn\tratio\tundefined\trolling_last\trolling_min\n"
        "\"a,\"\"b\"\".csv:Close\"\t3\t1e-300\t\t0.25\t\n");
}

TEST_CASE("an array of objects becomes one row per item", "[csv]") {
  Value record = Value::object();
  Value proxies = Value::array();
  proxies.push(Value::object().add("proxy", Value::string("b")).add("h", Value::number(0.5)));
  proxies.push(Value::object().add("proxy", Value::string("c")).add("h", Value::number(-1)));
  record.add("target", Value::string("a")).add("proxies", std::move(proxies));
  record.add("r_squared", Value::number(0.75));
  std::ostringstream out;
  CsvReporter(out, ',', true).write(record);
  CHECK(out.str() == "target,proxy,h,r_squared\na,b,0.5,0.75\na,c,-1,0.75\n");
}
