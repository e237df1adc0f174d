#include "column_choice.hpp"

#include <algorithm>
#include <array>

#include "hedgecalc/error.hpp"
#include "hedgecalc/number.hpp"
#include "hedgecalc/text.hpp"

namespace hedgecalc {

std::string normalized_column_name(std::string_view name) {
  name = trim(name);
  if (!name.empty() && name.back() == '*') name.remove_suffix(1);
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '.' || c == '_') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string describe_columns(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    if (i == 12 && names.size() > 14) {
      out += "... (" + std::to_string(names.size() - 12) + " more)";
      break;
    }
    out += std::to_string(i + 1) + " " + quoted_excerpt(names[i], 40);
  }
  return out;
}

namespace {

// The one column of `matches`; two or more are refused by name, so that a file
// with a repeated header never has one of them picked silently.
std::optional<size_t> only_match(const std::vector<size_t>& matches,
                                 const std::vector<std::string>& names,
                                 const std::string& file_label) {
  if (matches.empty()) return std::nullopt;
  if (matches.size() == 1) return matches.front();
  std::string numbers;
  for (size_t m = 0; m < matches.size(); ++m) {
    numbers += (m == 0 ? "" : m + 1 == matches.size() ? " and " : ", ") +
               std::to_string(matches[m] + 1);
  }
  throw DataError(file_label + ": the header names " + quoted_excerpt(names[matches[0]], 40) +
                  " more than once (columns " + numbers + "); name the column by number, e.g. " +
                  file_label + ":" + std::to_string(matches.back() + 1));
}

}  // namespace

size_t find_named_column(const std::vector<std::string>& names, std::string_view wanted,
                         const std::string& file_label) {
  std::vector<size_t> exact, folded;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == wanted) exact.push_back(i);
    if (iequals(names[i], wanted)) folded.push_back(i);
  }
  if (auto index = only_match(exact, names, file_label)) return *index;
  if (auto index = only_match(folded, names, file_label)) return *index;
  if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string_view::npos &&
      wanted.size() < 10) {
    const size_t number = std::stoul(std::string(wanted));
    if (number >= 1 && number <= names.size()) return number - 1;
  }
  throw DataError(file_label + ": no column " + quoted_excerpt(wanted) +
                  "; the columns are: " + describe_columns(names));
}

size_t find_date_column(const std::vector<std::string>& names,
                        const std::optional<std::string>& requested,
                        const std::string& file_label) {
  if (requested) return find_named_column(names, *requested, file_label);
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = trim(names[i]);
    if (iequals(name, "date") || iequals(name, "time") || iequals(name, "timestamp") ||
        iequals(name, "datetime")) {
      return i;
    }
  }
  return 0;
}

size_t guess_price_column(const std::vector<std::string>& names, size_t date_index,
                          const std::vector<std::vector<std::string>>& sample_rows,
                          const std::string& file_label, const NumberStyle& style) {
  static constexpr std::array<const char*, 4> kPreferred = {"adjclose", "close", "price",
                                                            "value"};
  for (const char* preferred : kPreferred) {
    std::vector<size_t> matches;
    for (size_t i = 0; i < names.size(); ++i) {
      if (i != date_index && normalized_column_name(names[i]) == preferred) matches.push_back(i);
    }
    if (auto index = only_match(matches, names, file_label)) return *index;
  }
  // With one candidate there is nothing to guess; reading it points any bad cell out
  // by line ("40.794,88" is not a number) instead of a vague "no numeric column".
  if (names.size() == 2) return date_index == 0 ? 1 : 0;
  std::vector<size_t> numeric;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i == date_index) continue;
    bool any_number = false;
    bool any_text = false;
    for (const auto& row : sample_rows) {
      if (i >= row.size()) continue;
      const CellKind kind = parse_cell(row[i], style).kind;
      any_number |= kind == CellKind::kNumber;
      any_text |= kind == CellKind::kNotANumber;
    }
    if (any_number && !any_text) numeric.push_back(i);
  }
  if (numeric.size() == 1) return numeric.front();
  const std::string why = numeric.empty() ? "no numeric column besides the date"
                                          : std::to_string(numeric.size()) + " numeric columns";
  std::string example = "COLUMN";
  if (names.size() > 1) {
    const size_t index = date_index == 0 ? 1 : 0;
    const std::string& name = names[index];
    // A long or unprintable name is shown by its number instead.
    const bool plain = name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
                         return c >= 0x20 && c < 0x7F;
                       });
    example = plain ? name : std::to_string(index + 1);
  }
  throw DataError(file_label + ": cannot tell which column holds the prices (" + why +
                  "); the columns are: " + describe_columns(names) + "; name one as " +
                  file_label + ":COLUMN, for example " + file_label + ":" + example);
}

}  // namespace hedgecalc
