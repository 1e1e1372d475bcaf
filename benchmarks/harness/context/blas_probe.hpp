#pragma once
// Which core OpenBLAS would pick on this CPU if OPENBLAS_CORETYPE did not force one.
// OpenBLAS chooses its kernels once, when it loads, from OPENBLAS_CORETYPE if set and from
// the CPU otherwise; a process cannot undo that for itself, so the question goes to a small
// separate program (benchmarks/blas_probe) started without that variable.
#include <string>
#include <vector>

namespace bramble {

struct BlasProbeResult {
  std::string core;   // openblas_get_corename() of the probe; "" when it could not tell
  std::string error;  // why it could not tell ("" when core is known)
};

// Where this build put the probe executable (an absolute path in the build tree).
const char* blas_probe_path();

// The core OpenBLAS picks on this CPU by itself: runs the probe at `probe_path` with this
// process's environment less OPENBLAS_CORETYPE. Never throws; a missing or failing probe
// gives an error that says so.
BlasProbeResult probe_blas_core_auto(const std::string& probe_path = blas_probe_path());

// Runs `probe_path` with exactly `environment` ("NAME=value" entries) and returns the first
// line it prints (core/subprocess.hpp: posix_spawn, no fork of the MPI process). Killed if
// it takes over `timeout_ms`.
BlasProbeResult run_blas_probe(const std::string& probe_path, const std::vector<std::string>& environment,
                               int timeout_ms = 10000);

// `environment` (a null-terminated array such as environ) without any `name`=... entry, and
// with `set` ("NAME=value" entries) replacing or adding their variables.
std::vector<std::string> edited_environment(const char* const* environment, const std::string& name,
                                            const std::vector<std::string>& set = {});

}  // namespace bramble
