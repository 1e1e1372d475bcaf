#include "power/sources/smartplug_source.hpp"

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

std::string without_trailing_slashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}
}  // namespace

SmartPlugSource::SmartPlugSource(std::string base_url, int timeout_ms, HttpCredentials credentials)
    : client_(without_trailing_slashes(std::move(base_url)), std::move(credentials)), timeout_ms_(timeout_ms) {
  std::string tried;
  auto note = [&](const std::string& what) {
    if (!tried.empty()) tried += "; ";
    tried += what;
  };
  for (const Flavour& f : kFlavours) {
    try {
      const auto watts = json_number_at(client_.get(f.path, timeout_ms_), f.field);
      if (!watts) {
        note(std::string(f.name) + ": no " + f.field);
        continue;
      }
      path_ = f.path;
      field_ = f.field;
      flavour_ = f.name;
      return;
    } catch (const HttpTimeout& e) {
      // Something there took the connection but will not answer: asking it the other
      // flavours' paths would only wait as long again for each.
      note(std::string(f.name) + ": " + e.what());
      break;
    } catch (const HttpAuthRefused& e) {
      // The plug is there and wants a (right) password: that is the whole story.
      throw PowerError(std::string("smart plug (") + f.name + "?): " + e.what());
    } catch (const PowerError& e) {
      note(std::string(f.name) + ": " + e.what());
    }
  }
  throw PowerError(std::string("no Shelly or Tasmota power reading at ") + client_.base_url() + " (" + tried + ")");
}

Reading SmartPlugSource::read() {
  const auto watts = json_number_at(client_.get(path_, timeout_ms_), field_);
  if (!watts) throw PowerError(client_.base_url() + path_ + " no longer reports " + field_);
  return Reading{false, 0, *watts};
}

}  // namespace bramble::power
