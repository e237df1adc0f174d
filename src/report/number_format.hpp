#pragma once
// How numbers become text.

#include <string>

namespace hedgecalc {

/// The shortest decimal that reads back to the same double ("0.1", "1e-300");
/// "nan"/"inf" for non-finite values (callers print those as undefined).
std::string format_number(double value);

/// value with `digits` significant digits, for people ("0.8312", "39.57").
std::string format_significant(double value, int digits);

/// value with `decimals` digits after the point ("0.83").
std::string format_fixed(double value, int decimals);

}  // namespace hedgecalc
