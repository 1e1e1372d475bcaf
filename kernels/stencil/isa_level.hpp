#pragma once
// The instruction-set levels the stencil update is compiled for. The binary is built for
// baseline x86-64 (SSE2) so that one build runs on every node of a mixed cluster; the
// update is compiled once more for each x86-64 level worth having for doubles (v3: AVX2
// and FMA; v4: AVX-512), and the solver runs the best one this CPU supports. v2 is left
// out: SSE3 to SSE4.2 add nothing to a loop of double additions and multiplications.
// On other architectures only the baseline exists (aarch64's NEON is already baseline).
namespace bramble::stencil {

enum class IsaLevel { baseline, x86_64_v3, x86_64_v4 };
inline constexpr IsaLevel kIsaLevels[] = {IsaLevel::baseline, IsaLevel::x86_64_v3, IsaLevel::x86_64_v4};

// As GCC's -march names them ("x86-64", "x86-64-v3", "x86-64-v4"); the baseline is named
// by its architecture elsewhere ("aarch64").
const char* isa_name(IsaLevel level);

// Whether this CPU and its operating system can run code compiled for `level` (AVX state
// saved by the OS included). Always true for the baseline, false for x86 levels elsewhere.
bool cpu_supports(IsaLevel level);

// Throws std::invalid_argument naming the level if this CPU cannot run it: code for a
// level the CPU lacks would die of SIGILL.
void require_cpu_supports(IsaLevel level);

// The highest level this CPU supports: what the solver runs unless told otherwise.
IsaLevel best_isa_level();

}  // namespace bramble::stencil
