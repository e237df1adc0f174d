#include "hedgecalc/number.hpp"

#include <catch2/catch.hpp>

using namespace hedgecalc;

TEST_CASE("missing markers in any case", "[number]") {
  for (const char* marker : {"", " ", "NA", "n/a", "NaN", "null", "NULL", ".", "-"}) {
    INFO(marker);
    CHECK(parse_cell(marker).kind == CellKind::kMissing);
  }
}

TEST_CASE("decimals parse correctly rounded", "[number]") {
  CHECK(parse_cell("0.1").value == 0.1);
  CHECK(parse_cell("+42").value == 42.0);
  CHECK(parse_cell(" -1.5e3 ").value == -1500.0);
  CHECK(parse_cell(".5").value == 0.5);
  // 2^53 + 1 rounds to even; an accumulating parser gets halfway cases wrong.
  CHECK(parse_cell("9007199254740993").value == 9007199254740992.0);
  CHECK(parse_cell("1e-400").kind == CellKind::kNumber);  // underflows to 0
}

TEST_CASE("text and non-finite values are told apart", "[number]") {
  CHECK(parse_cell("12.3.4").kind == CellKind::kNotANumber);
  CHECK(parse_cell("1,234").kind == CellKind::kNotANumber);
  CHECK(parse_cell("0x10").kind == CellKind::kNotANumber);
  CHECK(parse_cell("+-1").kind == CellKind::kNotANumber);
  CHECK(parse_cell("abc").kind == CellKind::kNotANumber);
  CHECK(parse_cell("inf").kind == CellKind::kNonFinite);
  CHECK(parse_cell("-Infinity").kind == CellKind::kNonFinite);
  CHECK(parse_cell("1e400").kind == CellKind::kNonFinite);
}
