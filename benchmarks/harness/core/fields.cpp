#include "core/fields.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace bramble {

// Each value is "<kind> <name> <length>:<payload>\n", kind i, d or s. The length makes any
// text safe, newlines included (MPI library strings have them).
std::string encode(const std::vector<NamedValue>& values) {
  std::string out;
  for (const auto& [name, value] : values) {
    std::string payload;
    char kind = 's';
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      kind = 'i';
      payload = std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&value)) {
      kind = 'd';
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", *d);
      payload = buf;
    } else {
      payload = std::get<std::string>(value);
    }
    out += kind;
    out += ' ' + name + ' ' + std::to_string(payload.size()) + ':' + payload + '\n';
  }
  return out;
}

std::vector<NamedValue> decode(const std::string& text) {
  std::vector<NamedValue> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t name_end = text.find(' ', at + 2), colon = text.find(':', name_end);
    if (text.size() < at + 2 || name_end == std::string::npos || colon == std::string::npos)
      throw std::runtime_error("decode: malformed record");
    const char kind = text[at];
    std::string name = text.substr(at + 2, name_end - at - 2);
    const std::size_t length = std::stoull(text.substr(name_end + 1, colon - name_end - 1));
    const std::string payload = text.substr(colon + 1, length);
    if (kind == 'i') out.push_back({std::move(name), std::int64_t{std::stoll(payload)}});
    else if (kind == 'd') out.push_back({std::move(name), std::strtod(payload.c_str(), nullptr)});
    else out.push_back({std::move(name), payload});
    at = colon + 1 + length + 1;
  }
  return out;
}

}  // namespace bramble
