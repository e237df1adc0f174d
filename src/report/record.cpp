#include "hedgecalc/record.hpp"

#include <cmath>
#include <stdexcept>

namespace hedgecalc {

Value Value::number(double value) {
  if (!std::isfinite(value)) return null();
  Value v(Type::kNumber);
  v.number_ = value;
  return v;
}

Value Value::integer(long long value) {
  Value v(Type::kInteger);
  v.integer_ = value;
  return v;
}

Value Value::boolean(bool value) {
  Value v(Type::kBoolean);
  v.integer_ = value ? 1 : 0;
  return v;
}

Value Value::string(std::string text) {
  Value v(Type::kString);
  v.text_ = std::move(text);
  return v;
}

Value& Value::field_at(size_t index) { return fields_.at(index).value; }

void Value::set_number(double value) {
  type_ = std::isfinite(value) ? Type::kNumber : Type::kNull;
  number_ = value;
}

void Value::set_boolean(bool value) {
  type_ = Type::kBoolean;
  integer_ = value ? 1 : 0;
}

void Value::set_integer(long long value) {
  type_ = Type::kInteger;
  integer_ = value;
}

void Value::set_string(std::string_view text) {
  type_ = Type::kString;
  text_.assign(text.data(), text.size());
}

Value& Value::add(std::string key, Value value) {
  fields_.push_back(Field{std::move(key), std::move(value)});
  return *this;
}

Value& Value::push(Value value) {
  items_.push_back(std::move(value));
  return *this;
}

const Value* Value::find(std::string_view key) const {
  for (const Field& field : fields_) {
    if (field.key == key) return &field.value;
  }
  return nullptr;
}

Value& Value::field(std::string_view key) {
  for (Field& f : fields_) {
    if (f.key == key) return f.value;
  }
  throw std::logic_error("record has no field " + std::string(key));
}

}  // namespace hedgecalc
