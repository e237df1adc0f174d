#pragma once
// --carry-series: the per-period carry rates a backtest is charged, read once per command.

#include <string>

#include "hedgecalc/file_system.hpp"
#include "hedgecalc/loader.hpp"

namespace hedgecalc {

/// Reads --carry-series FILE[:COLUMN][@OPTION=VALUE...]: per-period rates of any sign,
/// sorted by time; throws DataError naming the file and line of a bad cell.
PriceSeries load_carry_series(const std::string& argument, FileSystem& files, const CsvOptions& csv);

}  // namespace hedgecalc
