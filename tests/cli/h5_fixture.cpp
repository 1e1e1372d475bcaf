// Writes the result-file fixtures the fault tests and the bad-input matrix need, at test time
// (no HDF5 command-line tools or h5py are assumed on the test machine):
//   bramble_h5_fixture result PATH     a good bramble result file (one run, one kernel)
//   bramble_h5_fixture two-runs PATH LABEL   two such runs, both labelled LABEL
//   bramble_h5_fixture truncated PATH  the same, cut to half its size
//   bramble_h5_fixture foreign PATH    an HDF5 file another program might write
//   bramble_h5_fixture newer PATH      a bramble file with a schema newer than this build's
//   bramble_h5_fixture partial-phase-work PATH
//                                      a good file whose kernel names its phase_work but has
//                                      lost the unit (a damaged or hand-edited file)
//   bramble_h5_fixture missing-attr PATH ATTR
//                                      a good file whose kernel has lost attribute ATTR
//   bramble_h5_fixture big PATH MIB    a good file holding MIB MiB more (a dataset outside the
//                                      runs, as another tool might add): to time appending
//                                      to a large file
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "results/h5_io.hpp"
#include "results/schema.hpp"
#include "results/writer.hpp"

namespace {
using namespace bramble;

void write_result(const std::string& path, bool phase_work = false, const std::string& label = "fixture") {
  RunMetadata m;
  m.program_version = "fixture";
  m.label = label;
  m.ranks = 1;
  m.node_count = 1;
  m.ranks_per_node = {1};
  m.nodes = {{"fixture-host", "cpu", "kernel", "", 1, 1LL << 30, 1LL << 30, 1}};
  KernelResult r;
  r.kernel = "stencil";
  r.problem = "fixture";
  r.rep_seconds = {0.5};
  r.figure_name = "mlups";
  r.figure_of_merit = 1;
  r.unit = "MLUP/s";
  r.passed = true;
  r.ranks = 1;
  if (phase_work) r.phase_work = KernelResult::PhaseWork{"mlups_all_rounds", "MLUP/s", 1.0};
  ResultWriter writer(path, m);
  writer.append(r);
}

// The one kernel group of the one run, without its attribute `attr`.
void write_without_attr(const std::string& path, const std::string& attr, bool phase_work) {
  write_result(path, phase_work);
  h5::Handle file = h5::open_file(path, /*writable=*/true);
  h5::Handle runs = h5::open_group(file, "runs");
  h5::Handle kernels = h5::open_group(h5::open_group(runs, h5::children(runs).at(0)), "kernels");
  h5::Handle kernel = h5::open_group(kernels, h5::children(kernels).at(0));
  if (H5Adelete(kernel, attr.c_str()) < 0) throw std::runtime_error("cannot delete " + attr);
}

void write_big(const std::string& path, const std::string& mib) {
  write_result(path);
  const std::size_t count = std::stoul(mib) * (std::size_t{1} << 20) / sizeof(double);
  h5::Handle file = h5::open_file(path, /*writable=*/true);
  h5::write_dataset(file, "padding", std::vector<double>(count, 1.0), {count});
}

void write_foreign(const std::string& path) {
  h5::Handle file = h5::create_file(path);
  h5::write_attr(file, "creator", std::string("another-program 2.1"));
  h5::write_dataset(file, "temperature", {20.5, 21.0, 21.5}, {3});
}

void write_newer(const std::string& path) {
  h5::Handle file = h5::create_file(path);
  h5::write_attr(file, "format", std::string(kFormatName));
  h5::write_attr(file, "schema_version", std::int64_t{99});
  h5::create_group(file, "runs");
}

}  // namespace

int main(int argc, char** argv) {
  const bool third = argc == 4 && (std::string(argv[1]) == "two-runs" || std::string(argv[1]) == "missing-attr" ||
                                   std::string(argv[1]) == "big");
  if (argc != 3 && !third) {
    std::fprintf(stderr, "usage: %s result|truncated|foreign|newer|partial-phase-work PATH\n"
                         "       %s two-runs PATH LABEL   (two good runs, both labelled LABEL)\n"
                         "       %s missing-attr PATH ATTR | big PATH MIB\n", argv[0], argv[0], argv[0]);
    return 2;
  }
  const std::string kind = argv[1], path = argv[2];
  try {
    h5::silence_errors();
    std::filesystem::remove(path);
    if (kind == "result" || kind == "truncated") write_result(path);
    else if (kind == "two-runs") write_result(path, false, argv[3]), write_result(path, false, argv[3]);
    else if (kind == "foreign") write_foreign(path);
    else if (kind == "newer") write_newer(path);
    else if (kind == "partial-phase-work") write_without_attr(path, "phase_work_unit", true);
    else if (kind == "missing-attr") write_without_attr(path, argv[3], false);
    else if (kind == "big") write_big(path, argv[3]);
    else throw std::runtime_error("unknown fixture " + kind);
    if (kind == "truncated") std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bramble_h5_fixture: %s\n", e.what());
    return 1;
  }
  return 0;
}
