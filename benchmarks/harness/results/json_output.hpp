#pragma once
// How bramble writes JSON (`show`, `compare`, `compare --published` and `scaling` with
// --format json): documents are built as nlohmann::ordered_json, whose objects keep their
// members in the order they were added, so each writer's code lists its schema in order,
// and they are all written by write_json, so they all look alike.
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "core/value.hpp"

namespace bramble {

using Json = nlohmann::ordered_json;

// An integer stays an integer, a real becomes a number, text a string.
Json json_scalar(const Value& v);

// {"name": value, ...}, in the order of `values`; {} when there are none.
Json json_object(const std::vector<NamedValue>& values);

// [each(item), ...] for items of any kind (a record, a run); [] when there are none.
template <class T, class F>
Json json_array(const std::vector<T>& items, F each) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(each(item));
  return out;
}

// The document indented by two spaces, then a newline. JSON has no NaN or infinity:
// nlohmann writes them as null, which readers take as unknown. Text that is not UTF-8
// (a result file holds whatever a node reported) has its bad bytes replaced by U+FFFD
// instead of failing the whole report.
void write_json(std::ostream& out, const Json& doc);

}  // namespace bramble
