#pragma once
// Running a small helper program (the BLAS probe, vcgencmd) from inside an MPI rank and
// reading what it prints, without letting it hang or flood the rank. Started with
// posix_spawn: no copy of a large MPI process's address space, and safe under MPI transports
// that dislike fork(). Nothing here throws: what went wrong is the error text.
#include <cstddef>
#include <string>
#include <vector>

namespace bramble {

struct ProgramOutput {
  std::string out;    // its stdout (stderr is dropped), when it ran and exited 0
  std::string error;  // "" on success, else why not: "is missing", "failed (exit status 3)",
                      // "did not answer within 300 ms", ... (the caller names the program)
};

// Runs `path` with `args` (after argv[0]) and exactly `environment` ("NAME=value" entries).
// Killed once it runs past `timeout_ms` or prints more than `max_bytes`.
ProgramOutput run_program(const std::string& path, const std::vector<std::string>& args,
                          const std::vector<std::string>& environment, int timeout_ms, std::size_t max_bytes);

// `name` itself when it holds a '/', else the first executable `name` in the directories of
// `search_path` (PATH's format); "" when there is none.
std::string find_program(const std::string& name, const std::string& search_path);

}  // namespace bramble
