// The JSON reporter: everything the file holds except the power time series, with the
// schema version and the full context block; names are the result file's own.
#include <cmath>
#include <cstdio>

#include "results/record_fields.hpp"
#include "results/report_text.hpp"
#include "results/report_parts.hpp"
#include "results/schema.hpp"

namespace bramble {
namespace {

std::string str(const std::string& s) { return json_string(s); }
std::string num(double v) { return json_number(v); }

std::string value(const Value& v) { return json_value(v); }

// {"a": 1, ...} from named values, with `extra` members ("\"k\": v" pieces) appended.
std::string object(const std::vector<NamedValue>& values, const std::vector<std::string>& extra = {}) {
  std::string out = "{";
  for (const auto& v : values) out += (out.size() > 1 ? ", " : "") + str(v.name) + ": " + value(v.value);
  for (const auto& e : extra) out += (out.size() > 1 ? ", " : "") + e;
  return out + "}";
}

template <class T, class F>
std::string array(const std::vector<T>& items, F each) {
  std::string out = "[";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + each(item);
  return out + "]";
}

std::string member(const std::string& name, const std::string& json) { return str(name) + ": " + json; }

std::string power_json(const PowerRecord& p) {
  std::vector<NamedValue> figures;
  for (const auto& [name, v] : p.figures) figures.push_back({name, v});
  return object(to_values(p, power_record_fields()),
                {member("figures", object(figures)), member("nodes", array(p.nodes, [](const NodePhase& n) {
                   std::vector<NamedValue> v = to_values(n, node_health_fields());
                   if (n.reads_meter)
                     for (auto& e : to_values(n, node_energy_fields())) v.push_back(std::move(e));
                   return object(v);
                 }))});
}

std::string kernel_json(const KernelRecord& k) {
  const KernelResult& r = k.result;
  std::vector<std::string> extra{
      member("group", str(k.group)), member("completed_utc", str(k.completed_utc)),
      member("parameters", object(r.parameters)), member("figures", object(r.figures)),
      member("verification", object(r.verification)),
      member("rep_seconds", array(r.rep_seconds, num)),
      member("phases", object({{"description", r.phase_description}},
                              {member("names", array(r.phase_names, str)),
                               member("seconds_per_rank", array(r.phase_seconds, num))}))};
  if (r.phase_work)
    extra.push_back(member("phase_work", object({{"name", r.phase_work->name}, {"unit", r.phase_work->unit},
                                                 {"rate", r.phase_work->rate}})));
  extra.push_back(member("power", k.power ? power_json(*k.power) : "null"));
  return object(to_values(r, kernel_result_fields()), extra);
}

std::string run_json(const RunRecord& run) {
  const RunMetadata& c = run.context;
  std::vector<NamedValue> fields = to_values(c, run_metadata_fields());
  for (auto& f : fields)
    if (f.name == "nodes") f.name = "node_count";  // "nodes" is the list below
  const std::string context = object(
      fields,
      {member("ranks_per_node", array(c.ranks_per_node, [](int r) { return std::to_string(r); })),
       member("nodes", array(c.nodes, [](const NodeInfo& n) { return object(to_values(n, node_info_fields())); })),
       member("trust_warnings", array(c.trust_warnings, str))});
  std::string power = "null";
  if (run.power) {
    // The file's "meters" count attribute would repeat the key of the array below.
    std::vector<NamedValue> power_values = to_values(*run.power, run_power_fields());
    std::erase_if(power_values, [](const NamedValue& v) { return v.name == "meters"; });
    power = object(power_values,
                   {member("meters", array(run.power->meters, [](const MeterInfo& m) {
                      return object(to_values(m, meter_fields()));
                    })),
                    member("telemetry", array(run.power->telemetry, str))});
  }
  return object({{"group", run.group}}, {member("context", context), member("power", power),
                                         member("kernels", array(run.kernels, kernel_json))});
}

class JsonReporter : public Reporter {
 public:
  void report(std::ostream& out, const ResultFile& file) const override {
    out << object({{"format", file.format}, {"schema_version", file.schema_version}, {"file", file.path}},
                  {member("runs", array(file.runs, run_json))})
        << '\n';
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() { return std::make_unique<JsonReporter>(); }

}  // namespace bramble
