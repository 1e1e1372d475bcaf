#include "adapters/doctor/same_machine.hpp"

#include <set>

#include "core/sysfs.hpp"

namespace bramble::doctor {

std::string boot_id() { return sysfs::read_trimmed("/proc/sys/kernel/random/boot_id"); }

bool any_shared(const std::vector<std::string>& boot_ids) {
  std::set<std::string> seen;
  for (const auto& id : boot_ids)
    if (!id.empty() && !seen.insert(id).second) return true;
  return false;
}

}  // namespace bramble::doctor
