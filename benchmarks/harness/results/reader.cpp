#include "results/reader.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "results/h5_io.hpp"
#include "results/validation.hpp"

namespace bramble {

namespace {

KernelRecord read_kernel(hid_t kernels, const std::string& name) {
  KernelRecord k;
  k.group = name;
  h5::Handle g = h5::open_group(kernels, name);
  k.attrs = h5::read_attrs(g);
  k.parameters = h5::read_attrs(h5::open_group(g, "parameters"));
  k.figures = h5::read_attrs(h5::open_group(g, "figures"));
  k.verification = h5::read_attrs(h5::open_group(g, "verification"));
  k.rep_seconds = h5::read_dataset(g, "rep_seconds");
  k.phase_seconds = h5::read_dataset(g, "phase_seconds");
  h5::Handle ds = h5::open_dataset(g, "phase_seconds");
  k.phase_names = h5::read_string_list_attr(ds, "phase_names");
  const std::vector<NamedValue> ds_attrs = h5::read_attrs(ds);
  if (const Value* v = find_value(ds_attrs, "description"); v && std::holds_alternative<std::string>(*v))
    k.phase_description = std::get<std::string>(*v);
  k.power = read_power_group(g);
  return k;
}

}  // namespace

ResultFileContents read_result_file(const std::string& path) {
  require_appendable_result_file(path);
  ResultFileContents out;
  try {
    h5::Handle file = h5::open_file(path, false);
    for (const auto& a : h5::read_attrs(file)) {
      if (a.name == "schema_version") out.schema_version = std::get<std::int64_t>(a.value);
      if (a.name == "format") out.format = std::get<std::string>(a.value);
    }
    h5::Handle runs = h5::open_group(file, "runs");
    for (const auto& run_name : h5::children(runs)) {
      if (run_name.rfind("run-", 0) != 0) continue;  // someone else's group: not ours to read
      RunRecord run;
      run.group = run_name;
      h5::Handle rg = h5::open_group(runs, run_name);
      run.attrs = h5::read_attrs(rg);
      run.ranks_per_node = h5::read_dataset(rg, "ranks_per_node");
      h5::Handle nodes = h5::open_group(rg, "nodes");
      for (const auto& node : h5::children(nodes))
        run.nodes.push_back(h5::read_attrs(h5::open_group(nodes, node)));
      run.power = read_power_group(rg);
      h5::Handle kernels = h5::open_group(rg, "kernels");
      for (const auto& k : h5::children(kernels)) run.kernels.push_back(read_kernel(kernels, k));
      out.runs.push_back(std::move(run));
    }
  } catch (const Error& e) {
    throw InputError(path + " is damaged or incomplete: " + e.what());
  }
  return out;
}

}  // namespace bramble
