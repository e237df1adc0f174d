#pragma once
// CSV bytes -> one sorted price series (docs/hedgecalc.md ("Reading CSV")). The loader reads
// from memory so that tests and the fuzzer can feed it directly.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "hedgecalc/price_series.hpp"
#include "hedgecalc/timestamp.hpp"

namespace hedgecalc {

/// Told, as the loader moves on, that the bytes before an offset will not be read again:
/// an unpacked input can hand their memory back (FileContents::release_before).
using ReleaseBytes = std::function<void(size_t offset)>;

/// How to read the files, from the command line.
struct CsvOptions {
  /// true: no header, columns are named 1, 2, ...; false: the first row is the header;
  /// none: a first row whose every cell reads as a number or a date is data (as DuckDB's
  /// and Python's CSV sniffers decide), else the header.
  std::optional<bool> headerless;
  std::optional<char> delimiter;           ///< else detected from the header line
  std::optional<std::string> date_column;  ///< name or 1-based number
  std::optional<DateFormat> date_format;   ///< else the contract's spellings
  std::optional<char> thousands;           ///< --thousands: grouping separator to drop
  char decimal = '.';                      ///< --decimal: the decimal mark
};

/// Parses bytes into a series of the requested (or guessed) price column, sorted
/// by time with identical duplicates collapsed. Throws DataError naming
/// file_label, the line and the column on anything it cannot read.
PriceSeries load_series(std::string_view bytes, const std::string& file_label,
                        const std::optional<std::string>& column, const CsvOptions& options,
                        const ReleaseBytes& release = {});

/// One column of a multi-column load: its series, or why it could not be read.
struct ColumnLoad {
  PriceSeries series;
  std::string error;  ///< empty when the column loaded
};

/// Reads several price columns in one pass over the bytes (a column may be asked for
/// more than once). A problem in one column's cells (a bad number, a conflicting
/// duplicate, no prices) fails that column only; a problem of the file or its rows
/// (no header, a ragged row, a bad date) throws DataError.
std::vector<ColumnLoad> load_columns(std::string_view bytes, const std::string& file_label,
                                     const std::vector<std::optional<std::string>>& columns,
                                     const CsvOptions& options, const ReleaseBytes& release = {});

/// Every column but the date column, in file order (for wide files: matrix).
std::vector<ColumnLoad> load_all_columns(std::string_view bytes, const std::string& file_label,
                                         const CsvOptions& options,
                                         const ReleaseBytes& release = {});

/// A CSV read as it grows (monitor --follow): whole lines are fed as they arrive, and
/// the header and columns are settled, as load_columns settles them, once the header and
/// a first data row are there. Rows are read in file order, not sorted.
class GrowingCsv {
 public:
  GrowingCsv(std::string file_label, std::vector<std::optional<std::string>> columns,
             CsvOptions options);
  ~GrowingCsv();
  GrowingCsv(GrowingCsv&&) noexcept;

  /// Reads whole lines: the bytes end at a line end, or the input has ended. Throws
  /// DataError naming file, line and column on a row or a column it cannot read.
  void feed(std::string_view lines);

  /// Each column's rows read since the caller last emptied them (columns()[c].series;
  /// a column that cannot be read throws from feed, so no error is left here).
  std::vector<ColumnLoad>& columns();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hedgecalc
