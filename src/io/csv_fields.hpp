#pragma once
// Splits one CSV record into fields under RFC 4180 quoting. fast-cpp-csv-parser's
// own splitter needs the column count at compile time; ours serves any header.

#include <string>
#include <string_view>
#include <vector>

namespace hedgecalc {

/// Why a record could not be split.
enum class SplitStatus { kOk, kUnterminatedQuote, kTextAfterQuote };

/// Reusable splitter: fields() stay valid until the next split().
class FieldSplitter {
 public:
  /// Splits record on delimiter; on failure error_offset() tells where.
  SplitStatus split(std::string_view record, char delimiter);
  /// The fields of the last split, unquoted, "" unescaped, spaces kept.
  const std::vector<std::string_view>& fields() const { return fields_; }
  /// 0-based byte offset of the problem found by the last failed split.
  size_t error_offset() const { return error_offset_; }

 private:
  std::vector<std::string_view> fields_;
  std::string unescaped_;
  size_t error_offset_ = 0;
};

/// True when the record ends inside an open quoted field (it continues on the next line).
bool ends_inside_quotes(std::string_view record, char delimiter);

/// The delimiter among , ; TAB | that occurs most often outside quotes in the
/// header; ',' when none occurs.
char detect_delimiter(std::string_view header);

}  // namespace hedgecalc
