#include "hedgecalc/series_spec.hpp"

namespace hedgecalc {

SeriesSpec parse_series_spec(const std::string& argument, const FileSystem& files) {
  if (files.is_file(argument)) return {argument, std::nullopt};
  const size_t colon = argument.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == argument.size()) {
    return {argument, std::nullopt};
  }
  return {argument.substr(0, colon), argument.substr(colon + 1)};
}

}  // namespace hedgecalc
