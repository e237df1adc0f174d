#pragma once
// Which column holds the dates and which the prices (docs/hedgecalc.md ("Naming a series")).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hedgecalc/number.hpp"

namespace hedgecalc {

/// A header name reduced for matching: lower case, without spaces, dots,
/// underscores and a trailing '*' ("Adj. Close*" -> "adjclose").
std::string normalized_column_name(std::string_view name);

/// Index of the column the user named (exact name, then any-case name, then a
/// 1-based number); throws DataError listing the columns when there is none.
size_t find_named_column(const std::vector<std::string>& names, std::string_view wanted,
                         const std::string& file_label);

/// The date column: --date-col when given, else the first named date, time,
/// timestamp or datetime (any case), else the first column.
size_t find_date_column(const std::vector<std::string>& names,
                        const std::optional<std::string>& requested, const std::string& file_label);

/// The price column when the user named none: an "adj close"-like header, then
/// close, price, value; else the only column besides the date; else the only
/// numeric column (judged on sample_rows)
/// besides the date; else a DataError that lists the columns and the PATH:COLUMN form.
size_t guess_price_column(const std::vector<std::string>& names, size_t date_index,
                          const std::vector<std::vector<std::string>>& sample_rows,
                          const std::string& file_label, const NumberStyle& style = {});

/// "1 "Date", 2 "Close"" — the columns, for error messages.
std::string describe_columns(const std::vector<std::string>& names);

}  // namespace hedgecalc
