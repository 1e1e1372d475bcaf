#include "context/cpu_part.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "context/cpuinfo.hpp"

namespace bramble {
namespace {

struct Named {
  unsigned id;
  const char* name;
};

// Implementer codes (the Arm ARM's MIDR_EL1 register) of the makers met on boards and servers.
constexpr Named kImplementers[] = {{0x41, "ARM"},       {0x42, "Broadcom"}, {0x43, "Cavium"},
                                   {0x48, "HiSilicon"}, {0x4e, "NVIDIA"},   {0x51, "Qualcomm"},
                                   {0x61, "Apple"},     {0xc0, "Ampere"}};

// Arm Ltd.'s own cores (implementer 0x41): the Pi boards' (A53 Pi 3, A72 Pi 4, A76 Pi 5), the
// little cores beside them, and common server cores. Anything else is shown by number.
constexpr Named kArmParts[] = {
    {0xd03, "Cortex-A53"}, {0xd04, "Cortex-A35"}, {0xd05, "Cortex-A55"},  {0xd07, "Cortex-A57"},
    {0xd08, "Cortex-A72"}, {0xd09, "Cortex-A73"}, {0xd0a, "Cortex-A75"},  {0xd0b, "Cortex-A76"},
    {0xd0c, "Neoverse-N1"}, {0xd0d, "Cortex-A77"}, {0xd40, "Neoverse-V1"}, {0xd41, "Cortex-A78"},
    {0xd49, "Neoverse-N2"}, {0xd4f, "Neoverse-V2"}};

template <std::size_t N>
const char* lookup(const Named (&table)[N], unsigned id) {
  for (const auto& n : table)
    if (n.id == id) return n.name;
  return nullptr;
}

std::string hex(unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%0*x", digits, value);
  return buf;
}

// "0x41" -> 0x41; false for anything that is not a whole hexadecimal number.
bool parse_hex(const std::string& text, unsigned& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  const unsigned long v = std::strtoul(text.c_str(), &end, 16);
  if (*end != '\0' || v > 0xfff) return false;
  out = static_cast<unsigned>(v);
  return true;
}

}  // namespace

std::vector<ArmCore> arm_cores(const std::string& cpuinfo) {
  // Each processor block gives its implementer before its part.
  const auto implementers = cpuinfo::values(cpuinfo, "CPU implementer");
  const auto parts = cpuinfo::values(cpuinfo, "CPU part");
  std::vector<ArmCore> out;
  for (std::size_t i = 0; i < std::min(implementers.size(), parts.size()); ++i) {
    ArmCore c;
    if (!parse_hex(implementers[i], c.implementer) || !parse_hex(parts[i], c.part)) continue;
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const ArmCore& o) { return o.implementer == c.implementer && o.part == c.part; });
    if (!seen) out.push_back(c);
  }
  return out;
}

std::string arm_core_name(const ArmCore& core) {
  const char* maker = lookup(kImplementers, core.implementer);
  const char* part = core.implementer == 0x41 ? lookup(kArmParts, core.part) : nullptr;
  if (part) return std::string(maker) + " " + part;
  return (maker ? std::string(maker) : "implementer " + hex(core.implementer, 2)) + " part " + hex(core.part, 3);
}

std::string cpu_part(const std::string& cpuinfo) {
  std::string out;
  for (const ArmCore& c : arm_cores(cpuinfo))
    out += (out.empty() ? "" : " + ") + arm_core_name(c) + " (" + hex(c.implementer, 2) + "/" + hex(c.part, 3) + ")";
  return out.empty() ? cpuinfo::first(cpuinfo, "model name") : out;
}

}  // namespace bramble
