#include "hedgecalc/reading_options.hpp"

#include <cctype>
#include <map>

#include "hedgecalc/error.hpp"

namespace hedgecalc {
namespace {

// A character given by name or as itself; nullopt for a name that cancels ("auto", "none").
struct CharChoice {
  bool ok = true;
  std::optional<char> value;
};

CharChoice named_char(const std::string& text, const std::map<std::string, std::optional<char>>& names) {
  auto found = names.find(text);
  if (found != names.end()) return {true, found->second};
  return {false, std::nullopt};
}

}  // namespace

CsvOptions apply_reading_text(CsvOptions base, const ReadingText& text, const OptionSpelling& spell) {
  CsvOptions csv = std::move(base);
  if (text.headerless) csv.headerless = *text.headerless;
  if (text.delimiter) {
    const std::string& d = *text.delimiter;
    const CharChoice named = named_char(d, {{"\\t", '\t'}, {"tab", '\t'}, {"TAB", '\t'},
                                            {"comma", ','}, {"semicolon", ';'}, {"pipe", '|'},
                                            {"space", ' '}, {"auto", std::nullopt}});
    if (named.ok) {
      csv.delimiter = named.value;
    } else if (d.size() == 1 && d != "\"" && d != "\n" && d != "\r") {
      csv.delimiter = d[0];
    } else {
      throw UsageError(spell("delimiter", d) +
                       ": expected one character or comma, semicolon, tab, pipe, space, auto");
    }
  }
  if (text.thousands) {
    const std::string& t = *text.thousands;
    const CharChoice named = named_char(t, {{"comma", ','}, {"dot", '.'}, {"space", ' '},
                                            {"apostrophe", '\''}, {"underscore", '_'},
                                            {"none", std::nullopt}});
    if (named.ok) {
      csv.thousands = named.value;
    } else if (t.size() == 1 && std::string(",. '_").find(t[0]) != std::string::npos) {
      csv.thousands = t[0];
    } else {
      throw UsageError(spell("thousands", t) +
                       ": expected one of , . ' _ or a space (or comma, dot, apostrophe, "
                       "underscore, space, none)");
    }
  }
  if (text.decimal) {
    const std::string& d = *text.decimal;
    if (d == "." || d == "dot") {
      csv.decimal = '.';
    } else if (d == "," || d == "comma") {
      csv.decimal = ',';
    } else {
      throw UsageError(spell("decimal", d) + ": expected . or , (or dot, comma)");
    }
  }
  if (csv.thousands && *csv.thousands == csv.decimal) {
    throw UsageError(spell("thousands", std::string(1, *csv.thousands)) +
                     ": the thousands separator and the decimal mark must differ");
  }
  if (text.date_col) {
    if (text.date_col->empty()) throw UsageError(spell("date-col", "") + ": expected a name or number");
    csv.date_column = *text.date_col;
  }
  if (text.date_format) {
    if (*text.date_format == "auto") {
      csv.date_format.reset();
    } else {
      try {
        csv.date_format.emplace(*text.date_format);
      } catch (const UsageError& e) {
        // DateFormat speaks of --date-format; say it the way this user wrote it.
        std::string message = e.what();
        const std::string prefix = "--date-format";
        if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
        if (message.rfind(": ", 0) != 0) message = ": " + message.substr(message.find_first_not_of(' '));
        throw UsageError(spell("date-format", *text.date_format) + message);
      }
    }
  }
  return csv;
}

ReadingSuffix split_reading_suffix(const std::string& argument) {
  for (size_t at = argument.find('@'); at != std::string::npos; at = argument.find('@', at + 1)) {
    size_t end = at + 1;
    while (end < argument.size() &&
           (std::islower(static_cast<unsigned char>(argument[end])) || argument[end] == '-')) {
      ++end;
    }
    const bool word = end > at + 1 && std::islower(static_cast<unsigned char>(argument[at + 1]));
    if (word && (end == argument.size() || argument[end] == '=' || argument[end] == '@')) {
      return {argument.substr(0, at), argument.substr(at + 1)};
    }
  }
  return {argument, ""};
}

ReadingText parse_reading_suffix(const std::string& suffix, const std::string& series) {
  ReadingText text;
  size_t start = 0;
  while (start <= suffix.size() && !suffix.empty()) {
    size_t end = suffix.find('@', start);
    if (end == std::string::npos) end = suffix.size();
    const std::string item = suffix.substr(start, end - start);
    const size_t equals = item.find('=');
    const std::string key = item.substr(0, equals);
    const std::optional<std::string> value =
        equals == std::string::npos ? std::nullopt : std::optional<std::string>(item.substr(equals + 1));
    auto need_value = [&]() -> std::string {
      if (!value) throw UsageError(series + ": reading option " + key + " needs a value (" + key + "=...)");
      return *value;
    };
    if (key == "headerless") {
      if (!value || *value == "yes") {
        text.headerless = true;
      } else if (*value == "no") {
        text.headerless = false;
      } else {
        throw UsageError(series + ": headerless=" + *value + ": expected yes or no");
      }
    } else if (key == "delimiter") {
      text.delimiter = need_value();
    } else if (key == "thousands") {
      text.thousands = need_value();
    } else if (key == "decimal") {
      text.decimal = need_value();
    } else if (key == "date-col") {
      text.date_col = need_value();
    } else if (key == "date-format") {
      text.date_format = need_value();
    } else {
      throw UsageError(series + ": unknown reading option \"" + key +
                       "\" (expected delimiter, thousands, decimal, date-col, date-format or "
                       "headerless, as in FILE:COLUMN@decimal=comma@thousands=dot)");
    }
    start = end + 1;
  }
  return text;
}

CsvOptions series_csv_options(const CsvOptions& base, const std::string& suffix,
                              const std::string& series) {
  if (suffix.empty()) return base;
  const ReadingText text = parse_reading_suffix(suffix, series);
  const std::string name_part = split_reading_suffix(series).base;
  return apply_reading_text(base, text, [&](const std::string& name, const std::string& value) {
    return name_part + "@" + name + "=" + value;
  });
}

}  // namespace hedgecalc
