#include "power/sources/smartplug_source.hpp"

#include "power/sources/http_get.hpp"
#include "power/sources/json_number.hpp"

namespace bramble::power {
namespace {
struct Flavour {
  const char* name;
  const char* path;
  const char* field;
};
constexpr Flavour kFlavours[] = {{"Shelly Gen2/3", "/rpc/Switch.GetStatus?id=0", "apower"},
                                 {"Shelly Gen1", "/status", "meters[0].power"},
                                 {"Tasmota", "/cm?cmnd=Status%2010", "StatusSNS.ENERGY.Power"}};
}  // namespace

SmartPlugSource::SmartPlugSource(std::string base_url) : base_(std::move(base_url)) {
  while (!base_.empty() && base_.back() == '/') base_.pop_back();
  std::string tried;
  for (const Flavour& f : kFlavours) {
    try {
      const auto watts = json_number_at(http_get(base_ + f.path), f.field);
      if (!watts) {
        tried += std::string(tried.empty() ? "" : "; ") + f.name + ": no " + f.field;
        continue;
      }
      url_ = base_ + f.path;
      field_ = f.field;
      flavour_ = f.name;
      return;
    } catch (const PowerError& e) {
      tried += std::string(tried.empty() ? "" : "; ") + f.name + ": " + e.what();
    }
  }
  throw PowerError("no Shelly or Tasmota power reading at " + base_ + " (" + tried + ")");
}

Reading SmartPlugSource::read() {
  const auto watts = json_number_at(http_get(url_), field_);
  if (!watts) throw PowerError(url_ + " no longer reports " + field_);
  return Reading{false, 0, *watts};
}

}  // namespace bramble::power
