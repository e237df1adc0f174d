#include "csv_fields.hpp"

#include <array>

namespace hedgecalc {

SplitStatus FieldSplitter::split(std::string_view record, char delimiter) {
  fields_.clear();
  unescaped_.clear();
  // Unescaped text is never longer than the record, so one reserve keeps the
  // string_views into unescaped_ valid for the whole record.
  if (unescaped_.capacity() < record.size()) unescaped_.reserve(record.size());

  size_t pos = 0;
  while (true) {
    // Spaces before an opening quote are allowed (`a, "b"`).
    size_t quote_at = pos;
    while (quote_at < record.size() && record[quote_at] == ' ') ++quote_at;
    if (quote_at < record.size() && record[quote_at] == '"') {
      const size_t begin = unescaped_.size();
      size_t i = quote_at + 1;
      while (true) {
        if (i >= record.size()) {
          error_offset_ = quote_at;
          return SplitStatus::kUnterminatedQuote;
        }
        if (record[i] == '"') {
          if (i + 1 < record.size() && record[i + 1] == '"') {
            unescaped_ += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        unescaped_ += record[i++];
      }
      while (i < record.size() && record[i] == ' ') ++i;
      fields_.emplace_back(unescaped_.data() + begin, unescaped_.size() - begin);
      if (i == record.size()) return SplitStatus::kOk;
      if (record[i] != delimiter) {
        error_offset_ = i;
        return SplitStatus::kTextAfterQuote;
      }
      pos = i + 1;
      continue;
    }
    const size_t end = record.find(delimiter, pos);
    if (end == std::string_view::npos) {
      fields_.push_back(record.substr(pos));
      return SplitStatus::kOk;
    }
    fields_.push_back(record.substr(pos, end - pos));
    pos = end + 1;
  }
}

bool ends_inside_quotes(std::string_view record, char delimiter) {
  bool at_field_start = true;
  bool in_quotes = false;
  for (size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < record.size() && record[i + 1] == '"') {
          ++i;
        } else {
          in_quotes = false;
        }
      }
      continue;
    }
    if (c == delimiter) {
      at_field_start = true;
    } else if (c == '"' && at_field_start) {
      in_quotes = true;
      at_field_start = false;
    } else if (c != ' ') {
      at_field_start = false;
    }
  }
  return in_quotes;
}

char detect_delimiter(std::string_view header) {
  static constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  std::array<size_t, 4> counts{};
  bool in_quotes = false;
  for (char c : header) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    for (size_t k = 0; k < kCandidates.size(); ++k) {
      if (c == kCandidates[k]) ++counts[k];
    }
  }
  size_t best = 0;
  for (size_t k = 1; k < kCandidates.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kCandidates[best];
}

}  // namespace hedgecalc
