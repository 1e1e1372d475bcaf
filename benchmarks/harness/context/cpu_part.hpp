#pragma once
// Which CPU core a node has. ARM kernels print no name in /proc/cpuinfo, only the core's
// implementer and part numbers ("CPU implementer : 0x41", "CPU part : 0xd08"), and those are
// what tells a Raspberry Pi 4 (Cortex-A72) from a Pi 5 (Cortex-A76): results differ by core,
// so the result file records it, decoded for the cores bramble's users run on.
#include <string>
#include <vector>

namespace bramble {

struct ArmCore {
  unsigned implementer = 0;  // "CPU implementer": 0x41 is Arm Ltd.
  unsigned part = 0;         // "CPU part"
};

// The distinct cores in a /proc/cpuinfo, in file order: one for a Pi, two for a big.LITTLE
// chip; none on x86.
std::vector<ArmCore> arm_cores(const std::string& cpuinfo);

// "ARM Cortex-A72"; an undecoded part keeps its numbers ("ARM part 0xd99",
// "implementer 0x99 part 0x001") rather than guessing.
std::string arm_core_name(const ArmCore& core);

// The core as the result file's cpu_part records it: on ARM "ARM Cortex-A72 (0x41/0xd08)"
// (a big.LITTLE chip's cores joined by " + "); elsewhere x86's "model name"; "" when the
// file says neither.
std::string cpu_part(const std::string& cpuinfo);

}  // namespace bramble
