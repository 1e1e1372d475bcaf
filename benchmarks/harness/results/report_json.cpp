// The JSON reporter: everything the file holds except the power time series, with the
// schema version and the full context block; names are the result file's own.
#include "results/json_output.hpp"
#include "results/record_fields.hpp"
#include "results/report_parts.hpp"

namespace bramble {
namespace {

// A node's health over the phase, and its meter's energy where it read the meter.
Json node_phase_json(const NodePhase& n) {
  std::vector<NamedValue> v = to_values(n, node_health_fields());
  if (n.reads_meter)
    for (auto& e : to_values(n, node_energy_fields())) v.push_back(std::move(e));
  return json_object(v);
}

// What was measured over a kernel's timed phase: the record's own fields, its figures by
// name, then each node.
Json kernel_power_json(const PowerRecord& p) {
  Json figures = Json::object();
  for (const auto& [name, v] : p.figures) figures[name] = v;
  Json out = json_object(to_values(p, power_record_fields()));
  out["figures"] = figures;
  out["nodes"] = json_array(p.nodes, node_phase_json);
  return out;
}

Json kernel_json(const KernelRecord& k) {
  const KernelResult& r = k.result;
  Json out = json_object(to_values(r, kernel_result_fields()));
  out["group"] = k.group;
  out["completed_utc"] = k.completed_utc;
  out["parameters"] = json_object(r.parameters);
  out["figures"] = json_object(r.figures);
  out["verification"] = json_object(r.verification);
  out["rep_seconds"] = r.rep_seconds;
  out["phases"] = {{"description", r.phase_description},
                   {"names", r.phase_names},
                   {"seconds_per_rank", r.phase_seconds}};
  if (r.phase_work)
    out["phase_work"] = {{"name", r.phase_work->name}, {"unit", r.phase_work->unit}, {"rate", r.phase_work->rate}};
  out["reference_format_lines"] = r.reference_format_lines;
  out["power"] = k.power ? kernel_power_json(*k.power) : Json(nullptr);
  return out;
}

// The context block: the run's metadata, then its nodes (see RunMetadata).
Json context_json(const RunMetadata& c) {
  std::vector<NamedValue> fields = to_values(c, run_metadata_fields());
  for (auto& f : fields)
    if (f.name == "nodes") f.name = "node_count";  // "nodes" is the list below
  Json out = json_object(fields);
  out["ranks_per_node"] = c.ranks_per_node;
  out["nodes"] = json_array(c.nodes, [](const NodeInfo& n) { return json_object(to_values(n, node_info_fields())); });
  out["rank_placement"] =
      json_array(c.rank_placement, [](const RankPlacement& p) { return json_object(to_values(p, rank_placement_fields())); });
  out["trust_warnings"] = c.trust_warnings;
  return out;
}

Json run_power_json(const RunPower& p) {
  // The file's "meters" count attribute would repeat the key of the array below.
  std::vector<NamedValue> values = to_values(p, run_power_fields());
  std::erase_if(values, [](const NamedValue& v) { return v.name == "meters"; });
  Json out = json_object(values);
  out["meters"] = json_array(p.meters, [](const MeterInfo& m) { return json_object(to_values(m, meter_fields())); });
  // Declared, not measured (--power-extra): each kernel's figures name the sum as extra_watts_<scope>.
  out["extras"] = json_array(p.extras, [](const PowerExtra& e) { return Json{{"name", e.name}, {"watts", e.watts}}; });
  out["telemetry"] = p.telemetry;
  return out;
}

Json run_json(const RunRecord& run) {
  return {{"group", run.group},
          {"context", context_json(run.context)},
          {"power", run.power ? run_power_json(*run.power) : Json(nullptr)},
          {"kernels", json_array(run.kernels, kernel_json)}};
}

class JsonReporter : public Reporter {
 public:
  void report(std::ostream& out, const ResultFile& file) const override {
    write_json(out, {{"format", file.format},
                     {"schema_version", file.schema_version},
                     {"file", file.path},
                     {"runs", json_array(file.runs, run_json)}});
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() { return std::make_unique<JsonReporter>(); }

}  // namespace bramble
