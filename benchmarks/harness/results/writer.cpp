#include "results/writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "results/h5_io.hpp"
#include "results/power_h5.hpp"
#include "results/record_fields.hpp"
#include "results/schema.hpp"
#include "results/validation.hpp"

namespace bramble {
namespace fs = std::filesystem;
namespace {

void write_run(hid_t runs, const std::string& name, const RunMetadata& m, const std::optional<RunPower>& power) {
  h5::Handle run = h5::create_group(runs, name);
  h5::write_attrs(run, to_values(m, run_metadata_fields()));
  h5::write_attr(run, kTrustWarnings, m.trust_warnings);
  std::vector<double> per_node(m.ranks_per_node.begin(), m.ranks_per_node.end());
  h5::write_dataset(run, "ranks_per_node", per_node, {per_node.size()});
  h5::Handle nodes = h5::create_group(run, "nodes");
  for (std::size_t i = 0; i < m.nodes.size(); ++i)
    h5::write_attrs(h5::create_group(nodes, numbered("node-", i, 3)), to_values(m.nodes[i], node_info_fields()));
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

// Flushes a file (or directory) to stable storage; a failure here must stop the rename.
void sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw IoError("cannot flush " + path + " to disk");
  }
  ::close(fd);
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

ResultWriter::ResultWriter(std::string path, RunMetadata metadata)
    : path_(std::move(path)), metadata_(std::move(metadata)) {
  h5::silence_errors();
}

void ResultWriter::preflight() const {
  const fs::path target(path_);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw IoError("cannot write results to " + path_ + ": directory " + dir.string() +
                  " does not exist");
  if (fs::exists(target, ec)) require_appendable_result_file(path_);
  const std::string probe = path_ + ".probe-" + std::to_string(::getpid());
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0)
    throw IoError("cannot write results to " + path_ + ": directory " + dir.string() +
                  " is not writable");
  ::close(fd);
  fs::remove(probe, ec);
}

void ResultWriter::append(const KernelResult& result, const std::optional<PowerRecord>& power) {
  const std::string tmp = path_ + ".tmp-" + std::to_string(::getpid());
  std::error_code ec;
  try {
    h5::Handle file;
    if (fs::exists(path_, ec)) {
      require_appendable_result_file(path_);
      fs::copy_file(path_, tmp, fs::copy_options::overwrite_existing);
      file = h5::open_file(tmp, /*writable=*/true);
    } else {
      file = h5::create_file(tmp);
      h5::write_attr(file, "format", std::string(kFormatName));
      h5::write_attr(file, "schema_version", std::int64_t{kSchemaVersion});
      h5::create_group(file, "runs");
    }
    h5::Handle runs = h5::open_group(file, "runs");
    std::string run_group = run_group_;
    if (run_group.empty()) {
      run_group = next_run_name(runs);
      write_run(runs, run_group, metadata_, run_power_);
    }
    h5::Handle kernels = h5::open_group(h5::open_group(runs, run_group), "kernels");
    write_kernel(kernels, numbered("", kernels_written_, 3) + "-" + result.kernel, result, power);
    kernels.reset();
    runs.reset();
    if (H5Fflush(file, H5F_SCOPE_GLOBAL) < 0) throw IoError("HDF5: cannot flush " + tmp);
    if (H5Fclose(file.release()) < 0) throw IoError("HDF5: cannot close " + tmp);
    sync_path(tmp);
    fs::rename(tmp, path_);
    const fs::path dir = fs::path(path_).has_parent_path() ? fs::path(path_).parent_path() : fs::path(".");
    sync_path(dir.string());  // make the rename itself durable
    run_group_ = run_group;
  } catch (const fs::filesystem_error& e) {
    fs::remove(tmp, ec);
    throw IoError(std::string("cannot write results to ") + path_ + ": " + e.code().message());
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
  ++kernels_written_;
}

}  // namespace bramble
