#pragma once
// The pipeline's steps 2 and 3 for rows that arrive one at a time (monitor --follow):
// each series' rows are checked for order, cut to --from/--to, joined on exact
// timestamps as align_inner joins them, and turned into returns as compute_returns
// turns them, so that a followed input gives the returns a one-shot run over the final
// files gives.

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "hedgecalc/date_range.hpp"
#include "hedgecalc/returns.hpp"

namespace hedgecalc {

/// The inner join and the returns of series whose rows arrive in time order.
class StreamingJoin {
 public:
  /// files and columns: each series' file and column, for messages (a column's name
  /// may come later, from its header: name_column).
  StreamingJoin(std::vector<std::string> files, std::vector<std::string> columns,
                ReturnKind kind, DateRange range);

  /// Names series k's column (for messages).
  void name_column(size_t k, const std::string& column) { columns_[k] = column; }

  /// Takes series k's next row. An identical repeat of the last row is dropped (as the
  /// loader collapses it). Throws DataError naming file, line and column for a row
  /// before the last one, the same time with another price, or a price <= 0 where the
  /// return kind divides by prices.
  void add(size_t k, Timestamp time, double price, std::uint32_t line);

  /// The next return once every series has reached its time: its time, each series'
  /// value, and the first proxy's price (NaN where the files hold returns). False
  /// while some series has yet to reach the next common time. Throws DataError for a
  /// return that is not finite.
  bool next(Timestamp& time, std::vector<double>& values, double& proxy_price);

 private:
  struct Row {
    Timestamp time;
    double price;
    std::uint32_t line;
  };
  std::string where(size_t k, std::uint32_t line) const;
  bool next_common_row(Timestamp& time);

  std::vector<std::string> files_, columns_;
  ReturnKind kind_;
  DateRange range_;
  std::vector<std::deque<Row>> pending_;
  std::vector<Row> last_added_;
  std::vector<bool> any_added_;
  std::vector<Row> joined_;   // the row just joined, per series
  std::vector<double> previous_;  // the prices of the last joined row
  bool have_previous_ = false;
};

}  // namespace hedgecalc
