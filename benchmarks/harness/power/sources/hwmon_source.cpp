#include "power/sources/hwmon_source.hpp"

#include <filesystem>
#include <fstream>

#include "core/sysfs.hpp"

namespace bramble::power {
namespace fs = std::filesystem;

HwmonSource::HwmonSource(const std::string& name, Scope scope, const std::string& root) : scope_(scope == Scope::wall ? Scope::wall_declared : scope) {
  const fs::path base(root + "/sys/class/hwmon");
  std::error_code ec;
  for (const auto& dev : sysfs::named_devices(base)) {
    if (dev.name != name) continue;
    for (const char* leaf : {"energy1_input", "power1_input", "power1_average"}) {
      if (fs::exists(dev.dir / leaf, ec)) {
        file_ = (dev.dir / leaf).string();
        energy_ = leaf[0] == 'e';
        break;
      }
    }
    if (file_.empty()) throw PowerError("hwmon device " + name + " (" + dev.dir.string() + ") has no energy or power file");
    read();  // prove it readable before any kernel runs
    return;
  }
  throw PowerError("no hwmon device named " + name + " under " + base.string());
}

Reading HwmonSource::read() {
  std::ifstream in(file_);
  std::uint64_t v = 0;
  if (!(in >> v)) throw PowerError("cannot read " + file_);
  if (energy_) return Reading{true, double(counter_.update(v)) * 1e-6, 0};
  return Reading{false, 0, double(v) * 1e-6};
}

}  // namespace bramble::power
