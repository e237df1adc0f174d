#include "hedgecalc/series_spec.hpp"

#include "hedgecalc/reading_options.hpp"

namespace hedgecalc {

SeriesSpec parse_series_spec(const std::string& argument, const FileSystem& files) {
  if (files.is_file(argument)) return {argument, std::nullopt, ""};
  auto [base, reading] = split_reading_suffix(argument);
  if (files.is_file(base)) return {base, std::nullopt, reading};
  const size_t colon = base.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == base.size()) {
    return {base, std::nullopt, reading};
  }
  return {base.substr(0, colon), base.substr(colon + 1), reading};
}

}  // namespace hedgecalc
