#include "power/record.hpp"

#include <sstream>

namespace bramble {
namespace {

std::string join(const std::vector<int>& v) {
  std::string out;
  for (int x : v) {
    if (!out.empty()) out += ',';  // appended: GCC 12 misreads `"," + string` (-Wrestrict)
    out += std::to_string(x);
  }
  return out;
}

std::vector<int> split(const std::string& s) {
  std::vector<int> out;
  std::istringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(std::stoi(item));
  return out;
}

// A field of the node's window statistics.
template <class M>
Field<NodePhase> stat(std::string name, M power::WindowStats::*member) {
  return field_at<NodePhase>(std::move(name), [member](NodePhase& n) -> M& { return n.stats.*member; });
}

}  // namespace

const Fields<MeterInfo>& meter_fields() {
  static const Fields<MeterInfo> fields{
      field("name", &MeterInfo::name),
      {"nodes", [](const MeterInfo& m) { return Value{join(m.nodes)}; },
       [](MeterInfo& m, const Value& v) {
         if (const auto* s = std::get_if<std::string>(&v)) m.nodes = split(*s);
       }},
      field("reader_node", &MeterInfo::reader_node),
      field("kind", &MeterInfo::kind),
      field("scope", &MeterInfo::scope),
      field("source", &MeterInfo::source),
      field("interval_s", &MeterInfo::interval),
      field("idle_watts", &MeterInfo::idle_watts),
      field("idle_samples", &MeterInfo::idle_samples),
  };
  return fields;
}

const Fields<NodePhase>& node_health_fields() {
  static const Fields<NodePhase> fields{
      field("meter", &NodePhase::meter),
      field("reads_meter", &NodePhase::reads_meter),
      stat("seconds", &power::WindowStats::seconds),
      stat("temp_start_c", &power::WindowStats::temp_start),
      stat("temp_end_c", &power::WindowStats::temp_end),
      stat("temp_max_c", &power::WindowStats::temp_max),
      stat("clock_start_mhz", &power::WindowStats::clock_start),
      stat("clock_end_mhz", &power::WindowStats::clock_end),
      stat("clock_min_mhz", &power::WindowStats::clock_min),
      stat("throttled_word", &power::WindowStats::throttled),
  };
  return fields;
}

const Fields<NodePhase>& node_energy_fields() {
  static const Fields<NodePhase> fields{
      stat("joules", &power::WindowStats::joules),
      stat("covered_seconds", &power::WindowStats::covered),
      stat("mean_watts", &power::WindowStats::mean_watts),
      stat("min_watts", &power::WindowStats::min_watts),
      stat("max_watts", &power::WindowStats::max_watts),
      stat("samples", &power::WindowStats::samples),
      stat("failed_samples", &power::WindowStats::failed),
      stat("interval_s", &power::WindowStats::interval),
      stat("longest_repeat_s", &power::WindowStats::longest_repeat),
      stat("cumulative", &power::WindowStats::cumulative),
      field("wraps", &NodePhase::wraps),
      field("errors", &NodePhase::errors),
      field("error", &NodePhase::error),
  };
  return fields;
}

std::string encode_node_phase(const NodePhase& n) {
  std::vector<NamedValue> values = to_values(n, node_health_fields());
  for (auto& v : to_values(n, node_energy_fields())) values.push_back(std::move(v));
  return encode(values);
}

NodePhase decode_node_phase(const std::string& text, const std::vector<double>& windows) {
  const std::vector<NamedValue> values = decode(text);
  NodePhase n;
  from_values(n, values, node_health_fields());
  from_values(n, values, node_energy_fields());
  for (std::size_t i = 0; i + 1 < windows.size(); i += 2) n.windows.push_back({windows[i], windows[i + 1]});
  return n;
}

}  // namespace bramble
