#pragma once
// The CPUs this process may run on, as sched_getaffinity reports them: what mpirun's
// --bind-to, taskset, a cpuset or Slurm's --cpu-bind left it.
#include <vector>

namespace bramble {

// Ascending; empty when the call fails.
std::vector<int> this_process_cpus();

}  // namespace bramble
