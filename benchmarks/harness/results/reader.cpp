#include "results/reader.hpp"

#include <optional>
#include <variant>
#include <utility>

#include "core/errors.hpp"
#include "results/h5_io.hpp"
#include "results/old_wall_scopes.hpp"
#include "results/power_h5.hpp"
#include "results/record_fields.hpp"
#include "results/schema.hpp"
#include "results/validation.hpp"

namespace bramble {
namespace {

// The per-watt work is three attributes the writer puts down together (writer.cpp); a file
// with some of them was damaged or edited by hand, and is refused rather than half read.
std::optional<KernelResult::PhaseWork> read_phase_work(const std::vector<NamedValue>& attrs,
                                                       const std::string& where) {
  const Value* name = find_value(attrs, "phase_work_name");
  const Value* unit = find_value(attrs, "phase_work_unit");
  const Value* rate = find_value(attrs, "phase_work_rate");
  if (!name && !unit && !rate) return std::nullopt;
  if (name && unit && rate) return KernelResult::PhaseWork{to_text(*name), to_text(*unit), to_number(rate, 0)};
  std::string present, missing;
  for (const auto& [attr, value] : {std::pair{"phase_work_name", name}, {"phase_work_unit", unit},
                                    {"phase_work_rate", rate}}) {
    std::string& list = value ? present : missing;
    list += (list.empty() ? "" : value ? " and " : " or ") + std::string(attr);
  }
  throw InputError(where + " has " + present + " but no " + missing);
}

// What every kernel result has had since the first schema. A file without one of them was
// damaged or edited by hand: read as a default, a missing figure would show as "0 Gflop/s"
// and a missing verdict as FAILED, so the file is refused instead.
void require_kernel_attrs(const std::vector<NamedValue>& attrs, const std::string& where) {
  struct Required {
    const char* name;
    bool text;
  };
  for (const Required& r : {Required{"kernel", true}, Required{"figure_name", true}, Required{"figure_of_merit", false},
                            Required{"unit", true}, Required{"passed", false}, Required{"ranks", false}}) {
    const Value* v = find_value(attrs, r.name);
    if (!v) throw InputError(where + " has no " + r.name + " attribute");
    if (r.text != std::holds_alternative<std::string>(*v))
      throw InputError(where + "'s " + r.name + " attribute is " + (r.text ? "a number, not text" : "text, not a number"));
  }
}

KernelResult read_result(hid_t g, const std::string& where) {
  const std::vector<NamedValue> attrs = h5::read_attrs(g);
  require_kernel_attrs(attrs, where);
  KernelResult r = from_values(attrs, kernel_result_fields());
  r.phase_work = read_phase_work(attrs, where);
  r.reference_format_lines = h5::read_string_list_attr(g, "reference_format_lines");
  r.parameters = h5::read_attrs(h5::open_group(g, "parameters"));
  r.figures = h5::read_attrs(h5::open_group(g, "figures"));
  r.verification = h5::read_attrs(h5::open_group(g, "verification"));
  r.rep_seconds = h5::read_dataset(g, "rep_seconds");
  r.phase_seconds = h5::read_dataset(g, "phase_seconds");
  h5::Handle ds = h5::open_dataset(g, "phase_seconds");
  r.phase_names = h5::read_string_list_attr(ds, "phase_names");
  const std::vector<NamedValue> ds_attrs = h5::read_attrs(ds);
  if (const Value* v = find_value(ds_attrs, "description")) r.phase_description = to_text(*v);
  return r;
}

KernelRecord read_kernel(hid_t kernels, const std::string& where, const std::string& name,
                         const std::vector<MeterInfo>& meters) {
  h5::Handle g = h5::open_group(kernels, name);
  KernelRecord k;
  k.group = name;
  const std::vector<NamedValue> attrs = h5::read_attrs(g);
  if (const Value* v = find_value(attrs, "completed_utc")) k.completed_utc = to_text(*v);
  k.result = read_result(g, where + "/" + name);
  k.power = read_kernel_power(g, meters);
  return k;
}

// Files before issue 21 have no placement: an empty list. Datasets of unequal length are a
// damaged file, and are read as none rather than paired up wrongly.
std::vector<RankPlacement> read_rank_placement(hid_t run) {
  for (const char* name : {"rank_node", "rank_cpus", "rank_core"})
    if (!h5::exists(run, name)) return {};
  const std::vector<double> node = h5::read_dataset(run, "rank_node");
  const std::vector<std::string> cpus = h5::read_text_dataset(run, "rank_cpus");
  const std::vector<std::string> core = h5::read_text_dataset(run, "rank_core");
  if (cpus.size() != node.size() || core.size() != node.size()) return {};
  std::vector<RankPlacement> out;
  for (std::size_t r = 0; r < node.size(); ++r) out.push_back({static_cast<int>(node[r]), cpus[r], core[r]});
  return out;
}

RunRecord read_run(hid_t runs, const std::string& name) {
  h5::Handle g = h5::open_group(runs, name);
  RunRecord run;
  run.group = name;
  run.context = from_values(h5::read_attrs(g), run_metadata_fields());
  run.context.trust_warnings = h5::read_string_list_attr(g, kTrustWarnings);
  for (double r : h5::read_dataset(g, "ranks_per_node")) run.context.ranks_per_node.push_back(static_cast<int>(r));
  h5::Handle nodes = h5::open_group(g, "nodes");
  for (const auto& node : h5::children(nodes))
    run.context.nodes.push_back(from_values(h5::read_attrs(h5::open_group(nodes, node)), node_info_fields()));
  run.context.rank_placement = read_rank_placement(g);
  run.power = read_run_power(g);
  const std::vector<MeterInfo> meters = run.power ? run.power->meters : std::vector<MeterInfo>{};
  h5::Handle kernels = h5::open_group(g, "kernels");
  for (const auto& k : h5::children(kernels))
    run.kernels.push_back(read_kernel(kernels, "runs/" + name + "/kernels", k, meters));
  rescope_old_wall_meters(run);  // runs from before wall-model and wall-declared
  return run;
}

}  // namespace

ResultFile read_result_file(const std::string& path) {
  h5::Handle file = open_result_file(path, /*writable=*/false);  // the checks, each its own message
  ResultFile out;
  out.path = path;
  try {
    const std::vector<NamedValue> attrs = h5::read_attrs(file);
    out.schema_version = static_cast<std::int64_t>(to_number(find_value(attrs, "schema_version"), 0));
    if (const Value* f = find_value(attrs, "format")) out.format = to_text(*f);
    h5::Handle runs = h5::open_group(file, "runs");
    for (const auto& name : h5::children(runs))
      if (name.rfind("run-", 0) == 0) out.runs.push_back(read_run(runs, name));  // others' groups: not ours
  } catch (const Error& e) {
    throw InputError(path + " is damaged or incomplete: " + e.what());
  }
  return out;
}

std::string run_name(const RunRecord& run) {
  if (!run.context.label.empty()) return run.context.label;
  const std::string host = run.context.nodes.empty() ? "?" : run.context.nodes.front().hostname;
  return host + " " + run.context.utc_time;
}

}  // namespace bramble
