#pragma once
// SplitMix64's mixing step: a cheap, well-mixed 64-bit hash. Kernels use it wherever a
// value must be a pure function of its coordinates (random matrices, sample jitter,
// checksums), so results never depend on who computes them or in what order.
#include <cstdint>

namespace bramble {
inline std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
}  // namespace bramble
