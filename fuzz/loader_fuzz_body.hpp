#pragma once
// The body of the loader fuzzer, shared with tests/cli/fuzz_regression_test.cpp, which
// replays every input the fuzzer ever found under tests/data/fuzz/.
//
// The first input byte picks CSV options (so that --headerless, delimiters,
// --thousands/--decimal and --date-format paths are explored too); the rest is the
// file. Any hedgecalc::Error is a correct rejection; anything else (a crash, a
// sanitizer report, another exception type, a hang) is a bug.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hedgecalc/analysis.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/loader.hpp"
#include "hedgecalc/returns.hpp"

namespace fuzz_detail {

hedgecalc::CsvOptions options_from(uint8_t flags) {
  hedgecalc::CsvOptions options;
  if (flags & 1) options.headerless = true;
  if (flags & 2) options.delimiter = (flags & 4) ? ';' : '\t';
  if (flags & 8) options.thousands = ',';
  if (flags & 16) options.decimal = ',', options.thousands.reset();
  if (flags & 32) options.date_format.emplace("%d.%m.%Y %H:%M");
  if (flags & 64) options.date_column = "2";
  return options;
}

void check_series(const hedgecalc::PriceSeries& s) {
  // The loader's promises: sorted, unique times, finite prices, equal lengths.
  if (s.time.size() != s.price.size() || s.time.size() != s.line.size()) std::abort();
  for (size_t i = 0; i < s.size(); ++i) {
    if (!std::isfinite(s.price[i])) std::abort();
    if (i > 0 && s.time[i] <= s.time[i - 1]) std::abort();
  }
}

}  // namespace fuzz_detail

/// Loads data as the fuzzer does and analyses what loads; throws only hedgecalc::Error.
inline void fuzz_loader_once(const uint8_t* data, size_t size) {
  if (size == 0) return;
  const uint8_t flags = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const hedgecalc::PriceSeries series =
        hedgecalc::load_series(bytes, "fuzz.csv", std::nullopt, fuzz_detail::options_from(flags));
    fuzz_detail::check_series(series);
    // Hedge the series with itself shifted by a day: exercises alignment, returns,
    // OLS and the rolling/EWMA passes on whatever the loader accepted.
    hedgecalc::PriceSeries shifted = series;
    for (auto& t : shifted.time) t += hedgecalc::kNanosPerDay;
    hedgecalc::AnalysisOptions analysis;
    analysis.kind = (flags & 128) ? hedgecalc::ReturnKind::kDiff : hedgecalc::ReturnKind::kSimple;
    if (flags & 64) {
      analysis.window.span = 3 * hedgecalc::kNanosPerDay;
    } else {
      analysis.window.count = 3;
    }
    analysis.ewma_lambda = 0.9;
    analysis.rebalance = 2;
    hedgecalc::require_positive_prices(series, analysis.kind);
    hedgecalc::analyse({&series, &shifted}, analysis);
  } catch (const hedgecalc::Error&) {
    // A clear rejection is the right answer to bad input.
  }
}
