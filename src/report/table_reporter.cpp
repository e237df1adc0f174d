#include "table_reporter.hpp"

#include "hedgecalc/row_table.hpp"

namespace hedgecalc {

void TableReporter::write(const Value& record) { write_rows({record}); }

void TableReporter::write_rows(const std::vector<Value>& rows) {
  RowTable table(out_, precision_);
  for (const Value& row : rows) table.measure(row);
  for (const Value& row : rows) table.print(row);
}

}  // namespace hedgecalc
