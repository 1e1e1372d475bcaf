#include "power/sources/json_number.hpp"

#include <nlohmann/json.hpp>

#include "power/sources/power_source.hpp"

namespace bramble::power {

std::optional<double> json_number_at(const std::string& json, const std::string& path) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    throw PowerError("malformed JSON from the plug (at byte " + std::to_string(e.byte) + ")");
  }
  // "a.b[2].c": names between dots, an index in brackets.
  const nlohmann::json* at = &doc;
  for (std::size_t i = 0; i < path.size();) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      const std::size_t index = std::stoul(path.substr(i + 1, close - i - 1));
      if (!at->is_array() || index >= at->size()) return std::nullopt;
      at = &(*at)[index];
      i = close + 1;
    } else {
      const std::size_t end = path.find_first_of(".[", i);
      const std::string key = path.substr(i, end - i);
      if (!at->is_object() || !at->contains(key)) return std::nullopt;
      at = &(*at)[key];
      i = end == std::string::npos ? path.size() : end;
    }
  }
  if (!at->is_number()) return std::nullopt;
  return at->get<double>();
}

}  // namespace bramble::power
