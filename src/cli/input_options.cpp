// Input and reading (how the CSV files are read), which rows (--from, --to,
// --frequency), and returns and alignment (how rows become returns).

#include "command_options.hpp"
#include "date_range_option.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/timestamp.hpp"
#include "hedgecalc/input_limit.hpp"
#include "option_checks.hpp"

namespace hedgecalc {

namespace {

constexpr const char* kReadingGroup = "Input and reading";
constexpr const char* kReturnsGroup = "Returns and alignment";

// Binds an optional text option of ReadingText.
void add_reading_text(CLI::App& app, const std::string& name, std::optional<std::string>& value,
                      const std::string& type, const std::string& help) {
  app.add_option(name, value, help)->type_name(type)->group(kReadingGroup);
}

// "--returns none" or "--returns changes", for messages.
std::string values_given(ReturnKind kind) {
  return std::string("--returns ") + return_kind_name(kind);
}

}  // namespace

void add_reading_options(CLI::App& app, SingleOptions& options) {
  app.add_flag_callback("--headerless", [&options] { options.reading.headerless = true; },
                        "The files have no header; columns are named by number")
      ->group(kReadingGroup);
  add_reading_text(app, "--delimiter", options.reading.delimiter, "C|{comma,semicolon,tab,pipe,space}",
                   "Field delimiter (default: detected among , ; TAB |); also comma, semicolon, "
                   "tab, pipe");
  add_reading_text(app, "--thousands", options.reading.thousands,
                   "C|{comma,dot,space,apostrophe,underscore}",
                   "Grouping separator inside numbers, e.g. , for \"42,261.60\" (never guessed); "
                   "also comma, dot, space, apostrophe, underscore");
  add_reading_text(app, "--decimal", options.reading.decimal, "C|{dot,comma}",
                   "Decimal mark: . (default) or , (never guessed); also dot, comma");
  add_reading_text(app, "--date-col", options.reading.date_col, "NAME|N",
                   "Date column, by name or 1-based number");
  add_reading_text(app, "--date-format", options.reading.date_format, "FMT",
                   "strptime-style date format: %Y %y %m %d %b %H %M %S");
  app.add_option("--max-input-size", options.max_input_size,
                 "Most of one input to hold in memory: unpacked, standard input, a pipe "
                 "(default: half the memory available; mapped files are not limited)")
      ->type_name("SIZE|none")
      ->group(kReadingGroup);
}

void add_return_options(CLI::App& app, SingleOptions& options) {
  add_choice<ReturnKind>(app, "--returns", options.analysis.kind,
                         {{"simple", ReturnKind::kSimple},
                          {"log", ReturnKind::kLog},
                          {"diff", ReturnKind::kDiff},
                          {"none", ReturnKind::kNone},
                          {"changes", ReturnKind::kChanges}},
                         "simple, log, diff; none (columns hold returns) or changes (columns hold price changes)")
      ->group(kReturnsGroup);
  app.add_option("--from", options.from, "First date to use (inclusive)")
      ->type_name("DATE")
      ->group(kReturnsGroup);
  app.add_option("--to", options.to, "Last date to use (inclusive; a date keeps the whole day)")
      ->type_name("DATE")
      ->group(kReturnsGroup);
  add_choice<Frequency>(app, "--frequency", options.frequency,
                        {{"daily", Frequency::kDaily},
                         {"weekly", Frequency::kWeekly},
                         {"monthly", Frequency::kMonthly}},
                        "Keep the last price of each period: daily, weekly (ISO), monthly")
      ->group(kReturnsGroup);
}

void add_alignment_options(CLI::App& app, SingleOptions& options) {
  AnalysisOptions& analysis = options.analysis;
  add_choice<bool>(app, "--align", analysis.asof, {{"inner", false}, {"asof", true}},
                   "inner (same timestamps) or asof (latest proxy price at or before)")
      ->group(kReturnsGroup);
  app.add_option_function<std::string>(
         "--max-gap",
         [&analysis](const std::string& text) {
           const auto gap = parse_duration(text);
           if (!gap) {
             throw UsageError("--max-gap " + text + ": expected a duration such as 90s, 15m, 2h or 3d");
           }
           analysis.max_gap = *gap;
         },
         "asof: oldest proxy price to accept, e.g. 90s, 15m, 2h, 3d")
      ->type_name("DURATION")
      ->group(kReturnsGroup);
  app.add_option("--horizon", analysis.horizon, "K-period non-overlapping returns")
      ->check(whole_number(1, size_t{1} << 30))
      ->type_name("K")
      ->group(kReturnsGroup);
  add_list_option(app, "--horizons", analysis.horizons, whole_number(1, size_t{1} << 30),
                  "One fit per K on non-overlapping K-period returns, e.g. 1,5,21 (adds horizons)")
      ->type_name("K,K,...")
      ->group(kReturnsGroup);
}

void validate_input(SingleOptions& options) {
  options.csv = apply_reading_text(CsvOptions{}, options.reading,
                                   [](const std::string& name, const std::string& value) {
                                     return "--" + name + " " + value;
                                   });
  options.range = parse_date_range(options.from, options.to);
  options.input_limit = options.max_input_size ? parse_input_limit(*options.max_input_size)
                                               : default_input_limit();
  if (options.frequency != Frequency::kAsIs && given_as_values(options.analysis.kind)) {
    throw UsageError("--frequency needs prices, not " + values_given(options.analysis.kind) +
                     ": the last return of a period is not the period's return; give price "
                     "files, or compound the returns first");
  }
}

void validate_alignment(SingleOptions& options) {
  const AnalysisOptions& analysis = options.analysis;
  // Returns cannot be thinned or carried forward like prices: the last daily return of
  // a week is not the week's return, and an as-of match would count a return twice.
  if (analysis.asof && given_as_values(analysis.kind)) {
    throw UsageError("--align asof needs prices, not " + values_given(analysis.kind) +
                     ": a stale return would be counted again; align the price files, or use "
                     "--align inner");
  }
  if (analysis.max_gap && !analysis.asof) throw UsageError("--max-gap needs --align asof");
  if (analysis.horizon > 1 && given_as_values(analysis.kind)) {
    throw UsageError("--horizon K needs prices, not " + values_given(analysis.kind));
  }
  if (!analysis.horizons.empty() && given_as_values(analysis.kind)) {
    throw UsageError("--horizons needs prices, not " + values_given(analysis.kind));
  }
}

void prepare_series(PriceSeries& series, const SingleOptions& options) {
  restrict_to_range(series, options.range);
  if (options.frequency != Frequency::kAsIs) resample_last(series, options.frequency);
  require_positive_prices(series, options.analysis.kind);
}

}  // namespace hedgecalc
