#include "hedgecalc/batch_resume.hpp"

#include <catch2/catch.hpp>

#include "hedgecalc/error.hpp"

using namespace hedgecalc;
using Catch::Matchers::Contains;

namespace {
const std::vector<std::string> kColumns = {"id", "target", "proxy", "status", "error", "n"};
}

TEST_CASE("the whole rows of a csv or tsv output are read; a cut last row is not", "[resume]") {
  const std::string csv =
      "id,target,proxy,status,error,n\n"
      "a,t.csv:Close,p.csv:Close,ok,,10\n"
      "b,\"x,y.csv\",p.csv,error,\"x,y.csv: cannot open\",\n"
      "c,t.csv:Close,p.csv:Close,ok,,1";  // killed mid-row
  const auto rows = read_done_rows(csv, "out.csv", OutputFormat::kCsv, true, kColumns);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "a");
  CHECK(rows[0].status == "ok");
  CHECK(rows[1].target == "x,y.csv");
  CHECK(rows[1].status == "error");
  CHECK(rows[1].line == 3);
  const auto tsv = read_done_rows("a\tt\tp\talarm\tlow\t5\n", "o", OutputFormat::kTsv, false, kColumns);
  REQUIRE(tsv.size() == 1);
  CHECK(tsv[0].status == "alarm");
  CHECK(read_done_rows("", "o", OutputFormat::kCsv, true, kColumns).empty());
}

TEST_CASE("ndjson rows give their top-level id, target and status", "[resume]") {
  const std::string nd =
      "{\"id\":\"a\",\"target\":\"t \\\"q\\\".csv:Close\",\"proxy\":\"p\",\"status\":\"ok\","
      "\"rolling\":{\"status\":\"nested\"}}\n"
      "{\"target\":\"u.csv\",\"status\":\"error\",\"error\":\"x\"}\n";
  const auto rows = read_done_rows(nd, "o", OutputFormat::kNdjson, true, kColumns);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "a");
  CHECK(rows[0].target == "t \"q\".csv:Close");
  CHECK(rows[0].status == "ok");
  CHECK(rows[1].id.empty());
  CHECK(rows[1].status == "error");
}

TEST_CASE("ndjson escapes decode to the label they stand for", "[resume]") {
  // The writer escapes control characters as \u00XX; a label holding one must compare
  // equal to the PAIRS cell it came from.
  const auto rows = read_done_rows("{\"target\":\"t\\u00e9\\u0001\\n.csv\",\"status\":\"ok\"}\n",
                                   "o", OutputFormat::kNdjson, true, kColumns);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].target == "t\xc3\xa9\x01\n.csv");
  CHECK_THROWS_WITH(read_done_rows("{\"target\":\"a\",\"status\":\"ok\"\n", "o",
                                   OutputFormat::kNdjson, true, kColumns),
                    Contains("o:1: not a batch row"));
  CHECK_THROWS_WITH(read_done_rows("{\"target\":1,\"status\":\"ok\"}\n", "o",
                                   OutputFormat::kNdjson, true, kColumns),
                    Contains("o:1: not a batch row"));
}

TEST_CASE("text that is not this batch's output is refused by line", "[resume]") {
  CHECK_THROWS_WITH(read_done_rows("id,target\n", "o.csv", OutputFormat::kCsv, true, kColumns),
                    Contains("o.csv:1: the header differs"));
  CHECK_THROWS_WITH(read_done_rows("id,target,proxy,status,error,n\na,b\n", "o.csv",
                                   OutputFormat::kCsv, true, kColumns),
                    Contains("o.csv:2: row has 2 fields"));
  CHECK_THROWS_WITH(read_done_rows("{\"x\":1}\n", "o", OutputFormat::kNdjson, true, kColumns),
                    Contains("o:1: not a batch row"));
  CHECK_THROWS_AS(read_done_rows("", "o", OutputFormat::kJson, true, kColumns), UsageError);
}
