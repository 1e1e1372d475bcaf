#include "results/json_output.hpp"

#include <variant>

namespace bramble {

Json json_scalar(const Value& v) {
  return std::visit([](const auto& x) { return Json(x); }, v);
}

Json json_object(const std::vector<NamedValue>& values) {
  Json out = Json::object();
  for (const auto& v : values) out[v.name] = json_scalar(v.value);
  return out;
}

void write_json(std::ostream& out, const Json& doc) {
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace bramble
