#include "power/sources/rapl_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/sysfs.hpp"

namespace bramble::power {
namespace fs = std::filesystem;
namespace {

const char* kPowercap = "/sys/class/powercap";

std::vector<std::pair<std::string, std::string>> package_zones(const std::string& root) {
  std::vector<std::pair<std::string, std::string>> zones;  // (dir, name)
  for (const auto& zone : sysfs::named_devices(root + kPowercap, "intel-rapl:")) {
    // intel-rapl:N is a package; intel-rapl:N:M is a sub-zone (core, dram, ...).
    if (zone.dir.filename().string().find(':', 11) != std::string::npos) continue;
    if (zone.name.rfind("package", 0) == 0) zones.emplace_back(zone.dir.string(), zone.name);
  }
  return zones;
}

std::uint64_t read_number(const std::string& path) {
  errno = 0;
  std::ifstream in(path);
  if (!in) {
    const int err = errno;
    if (err == EACCES || err == EPERM)
      throw PowerError("cannot read " + path + ": permission denied (energy_uj is root-only since Linux 5.10's "
                       "fix for CVE-2020-8694); run as root or `chmod a+r` it at boot with a udev or tmpfiles rule");
    throw PowerError("cannot read " + path + (err ? std::string(": ") + std::strerror(err) : std::string()));
  }
  std::uint64_t v = 0;
  if (!(in >> v)) throw PowerError("cannot read " + path + ": not a number");
  return v;
}

}  // namespace

bool RaplSource::present(const std::string& root) { return !package_zones(root).empty(); }

RaplSource::RaplSource(const std::string& root) {
  for (auto& [dir, name] : package_zones(root))
    zones_.push_back({dir, name, WrappingCounter(read_number(dir + "/max_energy_range_uj"))});
  if (zones_.empty()) throw PowerError("no RAPL package zone under " + root + kPowercap + " (common inside VMs)");
  read();  // first readings start the counters, and prove every zone readable now
}

std::string RaplSource::describe() const {
  std::string s = "sum of";
  for (const auto& z : zones_) s += " " + z.dir + "/energy_uj (" + z.name + ")";
  return s;
}

Reading RaplSource::read() {
  double joules = 0;
  for (auto& z : zones_) joules += double(z.counter.update(read_number(z.dir + "/energy_uj"))) * 1e-6;
  return Reading{true, joules, 0};
}

int RaplSource::wraps() const {
  int w = 0;
  for (const auto& z : zones_) w += z.counter.wraps();
  return w;
}

}  // namespace bramble::power
