#pragma once
// The result of an analysis as an ordered tree of named values: what every output
// format prints, so that the formats cannot disagree on fields or numbers.

#include <string>
#include <string_view>
#include <vector>

namespace hedgecalc {

struct Field;

/// A JSON-like value; objects keep their fields in insertion order.
class Value {
 public:
  enum class Type { kNull, kNumber, kInteger, kString, kBoolean, kObject, kArray };

  /// An undefined value: null in JSON, empty in CSV.
  static Value null() { return Value(Type::kNull); }
  /// A double; NaN and infinities are printed as undefined.
  static Value number(double value);
  /// An exact count.
  static Value integer(long long value);
  /// Text.
  static Value string(std::string text);
  /// true or false (json), "true" or "false" (csv, table).
  static Value boolean(bool value);
  /// An empty object.
  static Value object() { return Value(Type::kObject); }
  /// An empty array.
  static Value array() { return Value(Type::kArray); }

  /// Makes room for `count` fields (a row built many times over); returns *this.
  Value& reserve(size_t count) {
    fields_.reserve(count);
    return *this;
  }
  /// The value of an object's field at `index`, for changing it in place (a row
  /// refilled for each event of a follow, without building it again).
  Value& field_at(size_t index);
  /// Becomes a number (null when not finite), a boolean, or text (reusing its memory).
  void set_number(double value);
  void set_boolean(bool value);
  void set_integer(long long value);
  void set_string(std::string_view text);
  /// Appends a field to an object; returns *this for chaining.
  Value& add(std::string key, Value value);
  /// Appends an item to an array.
  Value& push(Value value);
  /// The field named key of an object, or nullptr.
  const Value* find(std::string_view key) const;
  /// The field named key of an object, for changing it; throws if there is none.
  Value& field(std::string_view key);

  Type type() const { return type_; }
  double number_value() const { return number_; }
  long long integer_value() const { return integer_; }
  bool boolean_value() const { return integer_ != 0; }
  const std::string& string_value() const { return text_; }
  const std::vector<Field>& fields() const { return fields_; }
  /// An object's fields, moved out (the object is left without any).
  std::vector<Field> take_fields() { return std::move(fields_); }
  const std::vector<Value>& items() const { return items_; }

 private:
  explicit Value(Type type) : type_(type) {}
  Type type_;
  double number_ = 0;
  long long integer_ = 0;
  std::string text_;
  std::vector<Field> fields_;
  std::vector<Value> items_;
};

/// One named value of an object.
struct Field {
  std::string key;
  Value value;
};

}  // namespace hedgecalc
