#pragma once
// The `bramble` command line: `run <kernel>|all`, `doctor`, `show FILE`, `compare`, `scaling`, `--version`.
namespace bramble {
// Parses and runs; returns the process exit code, the same on every rank. MPI must be
// initialised. Never throws.
int run_cli(int argc, char** argv);
}  // namespace bramble
