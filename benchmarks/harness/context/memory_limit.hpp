#pragma once
// What a rank may really allocate. MemAvailable counts the machine's memory; a job often gets
// less: a cgroup limit (systemd's MemoryMax, Slurm's --mem, a container's --memory) or a
// process limit (`ulimit -v`, `ulimit -d`). Past a cgroup limit the kernel's OOM killer ends
// a rank; past a process limit an allocation fails (std::bad_alloc on every rank). Every
// kernel checks its memory need against NodeInfo::memory_available_bytes before allocating,
// so that figure is lowered here to what the limits leave, and the limit is named in the
// result file and in the messages.
#include <cstdint>
#include <string>

namespace bramble {

struct MemoryLimits {
  std::int64_t cgroup_free = -1;     // the cgroup's limit less its use (the tightest on the path); -1 none
  std::string cgroup_name;           // "cgroup memory.max 2.0 GiB" for the message
  std::int64_t process_free = -1;    // RLIMIT_AS less this process's size, or RLIMIT_DATA less its data; -1 none
  std::string process_name;          // "ulimit -v 2.0 GiB per process"
};

// This process's limits, read from `root`/proc/self/cgroup, `root`/sys/fs/cgroup (v2 and
// v1) and getrlimit (never faked: only a real process has them, so `root` != "" skips them).
MemoryLimits read_memory_limits(const std::string& root = "");

// What `ranks` ranks of this node may take together: MemAvailable, the cgroup's room, and
// ranks x each rank's own room, whichever is least; and the limit that set it, for
// NodeInfo::memory_limit ("" when MemAvailable did).
struct LimitedMemory {
  std::int64_t available = 0;
  std::string limit;
};
LimitedMemory limited_available(std::int64_t mem_available, const MemoryLimits& limits, int ranks);

}  // namespace bramble
