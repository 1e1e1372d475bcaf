#pragma once
// Byte counts as people read them in messages and tables.
#include <cstdio>
#include <string>

namespace bramble {
inline std::string gib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / double(1LL << 30));
  return buf;
}
inline std::string mib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / double(1 << 20));
  return buf;
}
}  // namespace bramble
