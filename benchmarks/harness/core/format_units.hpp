#pragma once
// Numbers as people read them in messages and tables: byte counts, checksums, fixed
// decimals, and the zero-padded numbers in result-file group names.
#include <cstdint>
#include <cstdio>
#include <string>

namespace bramble {
// Sizes from overflowing requests (an N of 2^40 needs 2^53 GiB) are shown in exponent form
// rather than as 20 digits, or cut off.
inline std::string gib(double bytes) {
  char buf[48];
  const double g = bytes / double(1LL << 30);
  std::snprintf(buf, sizeof buf, g < 1e6 ? "%.2f GiB" : "%.3g GiB", g);
  return buf;
}
// Checksums and other 64-bit identities as 16 hex digits.
inline std::string hex64(std::uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}
inline std::string mib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / double(1 << 20));
  return buf;
}
// v with `digits` decimals: fixed(3.14159, 2) = "3.14".
inline std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
// prefix + n zero-padded to `width`: numbered("run-", 7, 4) = "run-0007".
inline std::string numbered(const char* prefix, std::size_t n, int width) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%0*zu", prefix, width, n);
  return buf;
}
}  // namespace bramble
