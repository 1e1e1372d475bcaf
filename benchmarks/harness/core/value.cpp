#include "core/value.hpp"

#include <cstdio>

namespace bramble {

const Value* find_value(const std::vector<NamedValue>& values, const std::string& name) {
  for (const auto& v : values)
    if (v.name == name) return &v.value;
  return nullptr;
}

std::string to_text(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *d);
    return buf;
  }
  return std::get<std::string>(v);
}

double to_number(const Value* v, double otherwise) {
  if (!v) return otherwise;
  if (const auto* d = std::get_if<double>(v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  return otherwise;
}

}  // namespace bramble
