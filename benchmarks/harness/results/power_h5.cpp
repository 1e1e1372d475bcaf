#include "results/power_h5.hpp"

#include <algorithm>
#include <cmath>

#include "core/format_units.hpp"
#include "results/h5_io.hpp"
#include "results/record_fields.hpp"

namespace bramble {
namespace {

constexpr const char* kNodesCovered = "nodes_covered_";
// The declared extras (--power-extra): their watts as a dataset, their names an attribute of it.
constexpr const char* kExtraWatts = "extra_watts";
constexpr const char* kExtraNames = "names";

std::string scope_key(std::string scope) {
  std::replace(scope.begin(), scope.end(), '-', '_');
  return scope;
}

std::vector<double> flatten(const std::vector<power::Window>& windows) {
  std::vector<double> out;
  for (const auto& w : windows) out.insert(out.end(), {w.t0, w.t1});
  return out;
}

void write_node(hid_t parent, std::size_t n, const PowerRecord& p) {
  const NodePhase& node = p.nodes[n];
  h5::Handle g = h5::create_group(parent, numbered("node-", n, 3));
  const bool metered = node.meter >= 0 && node.meter < int(p.meters.size());
  std::vector<NamedValue> a = to_values(node, node_health_fields());
  a.push_back({"meter_name", metered ? p.meters[std::size_t(node.meter)].name : std::string()});
  if (node.reads_meter)
    for (auto& v : to_values(node, node_energy_fields())) a.push_back(std::move(v));
  h5::write_attrs(g, a);
  h5::write_dataset(g, "windows", flatten(node.windows), {node.windows.size(), 2});
  const std::vector<double> empty;
  const std::vector<double>& series = n < p.series.size() ? p.series[n] : empty;
  h5::write_dataset(g, "series", series, {series.size() / kSeriesWidth, hsize_t{kSeriesWidth}});
  h5::write_attr(h5::open_dataset(g, "series"), "columns",
                 std::vector<std::string>(std::begin(kSeriesColumns), std::end(kSeriesColumns)));
}

NodePhase read_node(hid_t g) {
  const std::vector<NamedValue> a = h5::read_attrs(g);
  NodePhase n;
  from_values(n, a, node_health_fields());
  if (n.reads_meter) from_values(n, a, node_energy_fields());
  const std::vector<double> w = h5::read_dataset(g, "windows");
  for (std::size_t i = 0; i + 1 < w.size(); i += 2) n.windows.push_back({w[i], w[i + 1]});
  return n;
}

// Totals per scope come back from the figures the writer stored for them.
std::vector<ScopeTotal> read_totals(const std::vector<NamedValue>& attrs, const std::vector<MeterInfo>& meters) {
  std::vector<ScopeTotal> totals;
  for (const auto& v : attrs) {
    if (v.name.rfind(kNodesCovered, 0) != 0) continue;
    ScopeTotal t;
    t.scope = v.name.substr(std::string(kNodesCovered).size());
    const std::string key = scope_key(t.scope);
    t.nodes_covered = static_cast<int>(to_number(&v.value, 0));
    t.joules = to_number(find_value(attrs, "joules_" + key), power::kUnknown);
    t.mean_watts = to_number(find_value(attrs, "watts_" + key), power::kUnknown);
    t.extra_watts = to_number(find_value(attrs, "extra_watts_" + key), 0);  // absent: none declared
    t.idle_watts = t.extra_watts;
    for (const auto& m : meters)
      if (m.scope == t.scope) t.idle_watts += m.idle_watts;
    totals.push_back(t);
  }
  return totals;
}

}  // namespace

void write_run_power(hid_t run, const RunPower& p) {
  h5::Handle g = h5::create_group(run, "power");
  h5::write_attrs(g, to_values(p, run_power_fields()));
  for (std::size_t m = 0; m < p.meters.size(); ++m)
    h5::write_attrs(h5::create_group(g, numbered("meter-", m, 3)), to_values(p.meters[m], meter_fields()));
  if (!p.extras.empty()) {  // files without extras keep their old layout
    std::vector<double> watts;
    std::vector<std::string> names;
    for (const PowerExtra& e : p.extras) {
      watts.push_back(e.watts);
      names.push_back(e.name);
    }
    h5::write_dataset(g, kExtraWatts, watts, {watts.size()});
    h5::write_attr(h5::open_dataset(g, kExtraWatts), kExtraNames, names);
  }
  for (std::size_t n = 0; n < p.telemetry.size(); ++n)
    h5::write_attrs(h5::create_group(g, numbered("node-", n, 3)),
                    {{"telemetry", p.telemetry[n]},
                     {"series_start_unix", n < p.series_start_unix.size() ? p.series_start_unix[n] : power::kUnknown}});
}

void write_kernel_power(hid_t kernel, const PowerRecord& p) {
  h5::Handle g = h5::create_group(kernel, "power");
  std::vector<NamedValue> attrs = to_values(p, power_record_fields());
  for (const auto& [name, value] : p.figures) attrs.push_back({name, value});
  for (const ScopeTotal& t : p.totals) attrs.push_back({kNodesCovered + t.scope, std::int64_t{t.nodes_covered}});
  h5::write_attrs(g, attrs);
  for (std::size_t n = 0; n < p.nodes.size(); ++n) write_node(g, n, p);
}

std::optional<RunPower> read_run_power(hid_t run) {
  if (!h5::exists(run, "power")) return std::nullopt;
  h5::Handle g = h5::open_group(run, "power");
  RunPower p = from_values(h5::read_attrs(g), run_power_fields());
  if (h5::exists(g, kExtraWatts)) {  // files from before --power-extra have none
    const std::vector<double> watts = h5::read_dataset(g, kExtraWatts);
    const std::vector<std::string> names = h5::read_string_list_attr(h5::open_dataset(g, kExtraWatts), kExtraNames);
    for (std::size_t i = 0; i < watts.size(); ++i)
      p.extras.push_back({i < names.size() ? names[i] : std::string(kDefaultExtraName), watts[i]});
  }
  for (const auto& name : h5::children(g)) {
    if (name == kExtraWatts) continue;
    const std::vector<NamedValue> a = h5::read_attrs(h5::open_group(g, name));
    if (name.rfind("meter-", 0) == 0) {
      p.meters.push_back(from_values(a, meter_fields()));
    } else if (name.rfind("node-", 0) == 0) {
      const Value* t = find_value(a, "telemetry");
      p.telemetry.push_back(t ? to_text(*t) : "");
      p.series_start_unix.push_back(to_number(find_value(a, "series_start_unix"), power::kUnknown));
    }
  }
  return p;
}

std::optional<PowerRecord> read_kernel_power(hid_t kernel, const std::vector<MeterInfo>& meters) {
  if (!h5::exists(kernel, "power")) return std::nullopt;
  h5::Handle g = h5::open_group(kernel, "power");
  const std::vector<NamedValue> attrs = h5::read_attrs(g);
  PowerRecord p = from_values(attrs, power_record_fields());
  p.meters = meters;
  // Every real-valued attribute of the group is a figure (the flags are integers, the notes text).
  for (const auto& v : attrs)
    if (const auto* d = std::get_if<double>(&v.value)) p.figures.emplace_back(v.name, *d);
  p.totals = read_totals(attrs, meters);
  for (const auto& name : h5::children(g)) {
    if (name.rfind("node-", 0) != 0) continue;
    h5::Handle node = h5::open_group(g, name);
    p.nodes.push_back(read_node(node));
    p.series.push_back(h5::exists(node, "series") ? h5::read_dataset(node, "series") : std::vector<double>{});
  }
  return p;
}

}  // namespace bramble
