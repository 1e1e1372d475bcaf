#include "results/writer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/disk_space.hpp"
#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "results/h5_io.hpp"
#include "results/path_kind.hpp"
#include "results/power_h5.hpp"
#include "results/record_fields.hpp"
#include "results/replace_file.hpp"
#include "results/schema.hpp"
#include "results/validation.hpp"

namespace bramble {
namespace fs = std::filesystem;
namespace {

// One entry per rank in each of three datasets (results/README.md), so that h5py reads a
// column without walking a group per rank.
void write_rank_placement(hid_t run, const std::vector<RankPlacement>& placements) {
  std::vector<double> node;
  std::vector<std::string> cpus, core;
  for (const RankPlacement& p : placements) {
    node.push_back(p.node);
    cpus.push_back(p.cpus);
    core.push_back(p.core);
  }
  h5::write_dataset(run, "rank_node", node, {node.size()});
  h5::write_text_dataset(run, "rank_cpus", cpus);
  h5::write_text_dataset(run, "rank_core", core);
}

void write_run(hid_t runs, const std::string& name, const RunMetadata& m, const std::optional<RunPower>& power) {
  h5::Handle run = h5::create_group(runs, name);
  h5::write_attrs(run, to_values(m, run_metadata_fields()));
  h5::write_attr(run, kTrustWarnings, m.trust_warnings);
  std::vector<double> per_node(m.ranks_per_node.begin(), m.ranks_per_node.end());
  h5::write_dataset(run, "ranks_per_node", per_node, {per_node.size()});
  h5::Handle nodes = h5::create_group(run, "nodes");
  for (std::size_t i = 0; i < m.nodes.size(); ++i)
    h5::write_attrs(h5::create_group(nodes, numbered("node-", i, 3)), to_values(m.nodes[i], node_info_fields()));
  write_rank_placement(run, m.rank_placement);
  if (power) write_run_power(run, *power);
  h5::create_group(run, "kernels");
}

void write_kernel(hid_t kernels, const std::string& name, const KernelResult& r, const std::optional<PowerRecord>& power) {
  h5::Handle k = h5::create_group(kernels, name);
  std::vector<NamedValue> attrs = to_values(r, kernel_result_fields());
  attrs.push_back({"completed_utc", utc_now_iso8601()});
  if (r.phase_work)
    attrs.insert(attrs.end(), {{"phase_work_name", r.phase_work->name},
                               {"phase_work_unit", r.phase_work->unit},
                               {"phase_work_rate", r.phase_work->rate}});
  h5::write_attrs(k, attrs);
  if (!r.reference_format_lines.empty()) h5::write_attr(k, "reference_format_lines", r.reference_format_lines);
  h5::write_attrs(h5::create_group(k, "parameters"), r.parameters);
  h5::write_attrs(h5::create_group(k, "figures"), r.figures);
  h5::write_attrs(h5::create_group(k, "verification"), r.verification);
  h5::write_dataset(k, "rep_seconds", r.rep_seconds, {r.rep_seconds.size()});
  const hsize_t phases = r.phase_names.size();
  const hsize_t ranks = phases ? r.phase_seconds.size() / phases : 0;
  h5::write_dataset(k, "phase_seconds", r.phase_seconds, {ranks, phases});
  h5::Handle ds = h5::open_dataset(k, "phase_seconds");
  h5::write_attr(ds, "phase_names", r.phase_names);
  h5::write_attr(ds, "description", r.phase_description);
  if (power) write_kernel_power(k, *power);
}

// The first free run-NNNN: one past the highest present, so gaps never cause a clash.
std::string next_run_name(hid_t runs) {
  std::size_t next = 0;
  for (const auto& name : h5::children(runs))
    if (name.rfind("run-", 0) == 0) next = std::max(next, std::stoul(name.substr(4)) + 1);
  while (h5::exists(runs, numbered("run-", next, 4))) ++next;
  return numbered("run-", next, 4);
}

}  // namespace

void ResultWriter::require_room(const std::string& target, std::int64_t bytes, bool existing) const {
  const fs::path dir = fs::path(target).has_parent_path() ? fs::path(target).parent_path() : fs::path(".");
  const std::string problem =
      room_problem(dir.string(), bytes, existing ? "the file is rewritten whole beside the old one, which stays until then"
                                        : "the new result file");
  if (problem.empty()) return;
  throw IoError("cannot write results to " + path_ + ": " + problem + (existing ? " (" + path_ + " is as it was)" : ""));
}

ResultWriter::ResultWriter(std::string path, RunMetadata metadata)
    : path_(std::move(path)), metadata_(std::move(metadata)) {
  h5::silence_errors();
}

void ResultWriter::preflight() {
  if (lock_) return;
  const std::optional<std::string> target = follow_links(path_);
  if (!target) throw IoError("cannot write results to " + path_ + ": a loop of symbolic links");
  const fs::path dir = fs::path(*target).has_parent_path() ? fs::path(*target).parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw IoError("cannot write results to " + path_ + ": directory " + dir.string() + " does not exist");
  // Before anything opens it: a FIFO would block, a directory cannot be renamed over.
  const PathInfo info = inspect_path(*target);
  if (info.error != 0) throw IoError("cannot write results to " + path_ + ": " + std::strerror(info.error));
  if (info.kind != PathKind::missing && info.kind != PathKind::regular)
    throw IoError("cannot write results to " + path_ + ": it is " + describe(info.kind) +
                  ", not a regular file");
  auto lock = std::make_unique<ResultLock>(*target, path_);
  // An empty file (made by mktemp or touch) holds nothing to keep: it becomes a new file.
  const std::int64_t size = info.size;  // 0 unless a regular file
  if (size > 0) open_result_file(*target, false);
  // Each append writes the whole file anew beside the old one: refused now, before any
  // kernel runs, where even the first could not be written.
  require_room(*target, size + kFirstResultBytes, size > 0);
  // Only beside a file that is ours (or about to be): another program's FILE.tmp-N is not.
  for (const std::string& stale : remove_stale_temp_files(*target))
    std::fprintf(stderr, "bramble: removed %s, left by a run killed while writing\n", stale.c_str());
  target_ = *target;
  lock_ = std::move(lock);
  interrupt_ = std::make_unique<InterruptCleanup>(path_, temp_path_for(target_), lock_->path());
  interrupt_->set_planned(kernels_planned_);
}

void ResultWriter::plan_kernels(int kernels) {
  kernels_planned_ = kernels;
  if (interrupt_) interrupt_->set_planned(kernels);
}

void ResultWriter::kernel_finished() {
  if (interrupt_) interrupt_->kernel_finished();
}

void ResultWriter::add_trust_warning(const std::string& warning) {
  metadata_.trust_warnings.push_back(warning);
  trust_warnings_added_ = true;
}

void ResultWriter::append(const KernelResult& result, const std::optional<PowerRecord>& power) {
  preflight();
  std::string run_group = run_group_;
  const auto add_result = [&](hid_t file) {
    h5::Handle runs = h5::open_group(file, "runs");
    if (run_group.empty()) {
      run_group = next_run_name(runs);
      write_run(runs, run_group, metadata_, run_power_);
    }
    h5::Handle run = h5::open_group(runs, run_group);
    if (trust_warnings_added_) {  // the list grew after the run was first written
      h5::remove_attr(run, kTrustWarnings);
      h5::write_attr(run, kTrustWarnings, metadata_.trust_warnings);
    }
    h5::Handle kernels = h5::open_group(run, "kernels");
    write_kernel(kernels, numbered("", kernels_written_, 3) + "-" + result.kernel, result, power);
  };
  if (const std::int64_t size = inspect_path(target_).size; size > 0) {
    // A copy changed in place and renamed over the file (issue 22 §11): memory stays small,
    // and the cost is one copy of the file, which the kernel makes.
    require_room(target_, size + kFirstResultBytes, true);
    edit_copy(target_, path_, [&](const std::string& temp) {
      h5::Handle file = h5::open_file(temp, /*writable=*/true);
      add_result(file);
      h5::close_file(std::move(file));
    });
  } else {
    h5::Handle file = h5::create_image(path_);
    h5::write_attr(file, "format", std::string(kFormatName));
    h5::write_attr(file, "schema_version", std::int64_t{kSchemaVersion});
    h5::create_group(file, "runs");
    add_result(file);
    const std::string bytes = h5::image_bytes(file);
    file.reset();
    require_room(target_, std::int64_t(bytes.size()), false);
    replace_file(target_, bytes, path_);
  }
  run_group_ = run_group;
  trust_warnings_added_ = false;
  ++kernels_written_;
  interrupt_->result_written();
}

}  // namespace bramble
