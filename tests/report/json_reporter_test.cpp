#include "hedgecalc/json_reporter.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using namespace hedgecalc;

namespace {
// A record with every kind of value, written by hand; the expected texts below are
// hand-written too, so a change of format must change this test.
Value sample() {
  Value nested = Value::object();
  nested.add("last", Value::number(0.25)).add("min", Value::null());
  Value record = Value::object();
  record.add("target", Value::string("a \"b\".csv:Close"))
      .add("n", Value::integer(3))
      .add("ratio", Value::number(0.1))
      .add("undefined", Value::number(NAN))
      .add("rolling", std::move(nested));
  return record;
}

std::string render(bool compact) {
  std::ostringstream out;
  JsonReporter reporter(out, compact);
  reporter.write(sample());
  reporter.finish();
  return out.str();
}
}  // namespace

TEST_CASE("json golden output", "[json]") {
  CHECK(render(false) ==
        "{\n"
        "  \"target\": \"a \\\"b\\\".csv:Close\",\n"
        "  \"n\": 3,\n"
        "  \"ratio\": 0.1,\n"
        "  \"undefined\": null,\n"
        "  \"rolling\": {\n"
        "    \"last\": 0.25,\n"
        "    \"min\": null\n"
        "  }\n"
        "}\n");
}

TEST_CASE("ndjson golden output", "[json]") {
  CHECK(render(true) ==
        "{\"target\":\"a \\\"b\\\".csv:Close\",\"n\":3,\"ratio\":0.1,\"undefined\":null,"
        "\"rolling\":{\"last\":0.25,\"min\":null}}\n");
}

TEST_CASE("json strings escape control bytes and replace invalid UTF-8", "[json]") {
  CHECK(json_quote("a\\b\n\t\x01") == "\"a\\\\b\\n\\t\\u0001\"");
  CHECK(json_quote("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(json_quote("x\xFFy") == "\"x\\ufffdy\"");
}

TEST_CASE("arrays of objects", "[json]") {
  Value record = Value::object();
  Value list = Value::array();
  list.push(Value::object().add("proxy", Value::string("b")));
  record.add("proxies", std::move(list));
  std::ostringstream out;
  JsonReporter(out, true).write(record);
  CHECK(out.str() == "{\"proxies\":[{\"proxy\":\"b\"}]}\n");
}
