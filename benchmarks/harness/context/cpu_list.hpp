#pragma once
// The kernel's CPU list format ("0-3,8,10-11"), as in /sys/devices/system/cpu/online and
// `taskset -c`: how bramble reads which CPUs are online and writes which a rank may run on.
#include <string>
#include <vector>

namespace bramble {

// The CPUs a list names, ascending and each once; empty for "" or anything malformed (a
// partial answer would undercount silently).
std::vector<int> parse_cpu_list(const std::string& text);

// The shortest list naming `cpus` (any order, repeats allowed): {0,1,2,3,8} -> "0-3,8".
std::string format_cpu_list(std::vector<int> cpus);

}  // namespace bramble
