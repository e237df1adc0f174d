#include "hedgecalc/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hedgecalc {

std::string shortest_decimal(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  // Without a precision, to_chars gives the shortest round-trip form.
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string significant_decimal(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string_view trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return text.substr(begin, end - begin);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

size_t utf8_sequence_length(std::string_view text) {
  if (text.empty()) return 0;
  const auto lead = static_cast<unsigned char>(text[0]);
  size_t length = 0;
  unsigned min_code = 0;
  unsigned code = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min_code = 0x80, code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min_code = 0x800, code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min_code = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
  if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

namespace {

// Appends text with control bytes and invalid UTF-8 written as \xNN; with
// escape_quotes, '"' and '\\' get a backslash too (for text inside quotes).
void append_escaped(std::string& out, std::string_view text, bool escape_quotes) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t length = utf8_sequence_length(text.substr(i));
    if (byte >= 0x20 && byte != 0x7F && length > 0) {
      if (escape_quotes && (byte == '"' || byte == '\\')) out += '\\';
      out.append(text.substr(i, length));
      i += length;
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
      out += buffer;
      ++i;
    }
  }
}

}  // namespace

std::string quoted_excerpt(std::string_view text, size_t max_chars) {
  const bool cut = text.size() > max_chars;
  if (cut) text = text.substr(0, max_chars);
  std::string out = "\"";
  append_escaped(out, text, /*escape_quotes=*/true);
  out += cut ? "...\"" : "\"";
  return out;
}

std::string printable_message(std::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, /*escape_quotes=*/false);
  if (out.size() <= max_bytes) return out;
  // Cut on character boundaries: never inside a UTF-8 sequence.
  auto boundary = [&](size_t at) {
    while (at > 0 && at < out.size() && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
    return at;
  };
  const size_t head = boundary(max_bytes / 2);
  const size_t tail = boundary(out.size() - max_bytes / 2);
  return out.substr(0, head) + " [... " + std::to_string(tail - head) + " bytes cut ...] " +
         out.substr(tail);
}

}  // namespace hedgecalc
