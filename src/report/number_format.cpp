#include "number_format.hpp"

#include <cstdio>

#include "hedgecalc/text.hpp"

namespace hedgecalc {

std::string format_number(double value) { return shortest_decimal(value); }

std::string format_significant(double value, int digits) { return significant_decimal(value, digits); }

std::string format_fixed(double value, int decimals) {
  char buffer[352];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace hedgecalc
