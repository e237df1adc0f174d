#include "hedgecalc/batch_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace hedgecalc;

namespace {
Value row(const char* id, bool ok) {
  Value v = Value::object();
  v.add("id", Value::string(id)).add("target", Value::string("t.csv:Close"));
  v.add("proxy", Value::string("p.csv:Close")).add("status", Value::string(ok ? "ok" : "error"));
  v.add("error", Value::string(ok ? "" : "p.csv: cannot open"));
  if (ok) v.add("n", Value::integer(10)).add("hedge_ratio", Value::number(0.5));
  return v;
}

const std::vector<std::string> kColumns = {"id",    "target", "proxy",      "status",
                                           "error", "n",      "hedge_ratio"};

std::string render(OutputFormat format, bool header = true) {
  std::ostringstream out;
  ReportOptions options;
  options.header = header;
  BatchWriter writer(format, out, options, kColumns);
  writer.write(row("a", false));
  writer.write(row("b", true));
  writer.write(row("c", false));
  writer.finish();
  return out.str();
}
}  // namespace

TEST_CASE("batch csv: failed pairs are rows with the analysis fields empty", "[batch]") {
  CHECK(render(OutputFormat::kCsv) ==
        "id,target,proxy,status,error,n,hedge_ratio\n"
        "a,t.csv:Close,p.csv:Close,error,p.csv: cannot open,,\n"
        "b,t.csv:Close,p.csv:Close,ok,,10,0.5\n"
        "c,t.csv:Close,p.csv:Close,error,p.csv: cannot open,,\n");
  CHECK(render(OutputFormat::kTsv, false) ==
        "a\tt.csv:Close\tp.csv:Close\terror\tp.csv: cannot open\t\t\n"
        "b\tt.csv:Close\tp.csv:Close\tok\t\t10\t0.5\n"
        "c\tt.csv:Close\tp.csv:Close\terror\tp.csv: cannot open\t\t\n");
}

TEST_CASE("batch csv when every pair fails keeps every column", "[batch]") {
  std::ostringstream out;
  BatchWriter writer(OutputFormat::kCsv, out, ReportOptions{}, kColumns);
  writer.write(row("a", false));
  writer.finish();
  CHECK(out.str() ==
        "id,target,proxy,status,error,n,hedge_ratio\n"
        "a,t.csv:Close,p.csv:Close,error,p.csv: cannot open,,\n");
}

TEST_CASE("batch json and ndjson", "[batch]") {
  CHECK(render(OutputFormat::kNdjson) ==
        "{\"id\":\"a\",\"target\":\"t.csv:Close\",\"proxy\":\"p.csv:Close\",\"status\":\"error\","
        "\"error\":\"p.csv: cannot open\"}\n"
        "{\"id\":\"b\",\"target\":\"t.csv:Close\",\"proxy\":\"p.csv:Close\",\"status\":\"ok\","
        "\"error\":\"\",\"n\":10,\"hedge_ratio\":0.5}\n"
        "{\"id\":\"c\",\"target\":\"t.csv:Close\",\"proxy\":\"p.csv:Close\",\"status\":\"error\","
        "\"error\":\"p.csv: cannot open\"}\n");
  const std::string json = render(OutputFormat::kJson);
  CHECK(json.substr(0, 10) == "[\n  {\"id\":");
  CHECK(json.substr(json.size() - 3) == "\n]\n");
  CHECK(std::count(json.begin(), json.end(), '\n') == 5);
}

TEST_CASE("batch table", "[batch]") {
  CHECK(render(OutputFormat::kTable) ==
        "status       n    hedge_ratio    correlation  effectiveness  pair\n"
        "error                                                        a: t.csv:Close / p.csv:Close\n"
        "        p.csv: cannot open\n"
        "ok          10            0.5                                b: t.csv:Close / p.csv:Close\n"
        "error                                                        c: t.csv:Close / p.csv:Close\n"
        "        p.csv: cannot open\n");
}
