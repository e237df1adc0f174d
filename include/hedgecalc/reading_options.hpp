#pragma once
// Reading options as the user writes them: once for every file on the command line
// (--delimiter ;), or for one series after its name (eu.csv:Close@decimal=comma), so that
// files from different sources can be hedged against each other in one command.

#include <functional>
#include <optional>
#include <string>

#include "hedgecalc/loader.hpp"

namespace hedgecalc {

/// The reading options as text; an unset one leaves the option below it in force.
struct ReadingText {
  std::optional<bool> headerless;
  std::optional<std::string> delimiter, thousands, decimal, date_col, date_format;
};

/// How an option was spelled, for messages: (name, value) -> "--decimal ;".
using OptionSpelling = std::function<std::string(const std::string& name, const std::string& value)>;

/// Applies text on top of base, checking every value; throws UsageError spelled by spell.
/// Values take a name where the character would need quoting in a shell: delimiter
/// comma|semicolon|tab|pipe|space|auto, thousands comma|dot|space|apostrophe|underscore|none,
/// decimal dot|comma, date-format auto (the standard spellings); headerless yes|no.
CsvOptions apply_reading_text(CsvOptions base, const ReadingText& text, const OptionSpelling& spell);

/// A series argument split at its reading options: "eu.csv:Close@decimal=comma@thousands=dot"
/// -> base "eu.csv:Close", suffix "decimal=comma@thousands=dot". The options start at the
/// first '@' followed by a lower-case word and '=', '@' or the end; suffix is "" if none.
struct ReadingSuffix {
  std::string base;
  std::string suffix;
};
/// Finds the reading options of a series argument (see ReadingSuffix).
ReadingSuffix split_reading_suffix(const std::string& argument);

/// Parses "key=value@key@..." (keys: delimiter, thousands, decimal, date-col,
/// date-format, headerless); throws UsageError naming series on an unknown key.
ReadingText parse_reading_suffix(const std::string& suffix, const std::string& series);

/// The CsvOptions of one series: base with the series' own options on top.
CsvOptions series_csv_options(const CsvOptions& base, const std::string& suffix,
                              const std::string& series);

}  // namespace hedgecalc
