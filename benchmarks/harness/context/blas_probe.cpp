#include "context/blas_probe.hpp"

#include "core/subprocess.hpp"

extern char** environ;

namespace bramble {
namespace {

std::string variable_name(const std::string& entry) { return entry.substr(0, entry.find('=')); }

}  // namespace

const char* blas_probe_path() {
#ifdef BRAMBLE_BLAS_PROBE
  return BRAMBLE_BLAS_PROBE;
#else
  return "";
#endif
}

std::vector<std::string> edited_environment(const char* const* environment, const std::string& name,
                                            const std::vector<std::string>& set) {
  std::vector<std::string> out;
  for (const char* const* e = environment; e != nullptr && *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string var = variable_name(entry);
    bool replaced = var == name;
    for (const auto& s : set) replaced = replaced || variable_name(s) == var;
    if (!replaced) out.push_back(entry);
  }
  out.insert(out.end(), set.begin(), set.end());
  return out;
}

BlasProbeResult run_blas_probe(const std::string& probe_path, const std::vector<std::string>& environment,
                               int timeout_ms) {
  BlasProbeResult result;
  const std::string what = "the BLAS probe " + (probe_path.empty() ? std::string("(none built)") : probe_path);
  // A core name is one short word: far more text than that is not our probe.
  const ProgramOutput run = run_program(probe_path, {}, environment, timeout_ms, 4096);
  if (!run.error.empty()) {
    result.error = what + " " + run.error;
    return result;
  }
  std::string core = run.out.substr(0, run.out.find('\n'));
  while (!core.empty() && (core.back() == '\r' || core.back() == ' ')) core.pop_back();
  if (core.empty()) {
    result.error = what + " printed nothing";
    return result;
  }
  result.core = core;
  return result;
}

BlasProbeResult probe_blas_core_auto(const std::string& probe_path) {
  // One BLAS thread: the probe only names its core, and OpenBLAS would otherwise start a
  // thread per CPU in it, once per node, while the run is setting up.
  return run_blas_probe(probe_path, edited_environment(environ, "OPENBLAS_CORETYPE", {"OPENBLAS_NUM_THREADS=1"}));
}

}  // namespace bramble
