#pragma once
// A smart plug's local HTTP API, polled for instantaneous watts (its energy counters are
// too coarse for runs of minutes). The flavour is found by trying, in order:
//   Shelly Gen2/3  GET /rpc/Switch.GetStatus?id=0   -> apower
//   Shelly Gen1    GET /status                      -> meters[0].power
//   Tasmota        GET /cm?cmnd=Status%2010         -> StatusSNS.ENERGY.Power
// Scope wall. One plug may feed a whole cluster: then one rank reads it for the group.
//
// Every request, the first ones included, has `timeout_ms` all told (http_client.hpp): a
// plug that stops answering costs the sampler thread at most that per reading, and a plug
// that does not answer at all fails the run's start once, not once per flavour. A plug with
// a password gets it from the power config, as `credentials` (basic or digest auth).
// The paths and fields are data: one row per flavour in smartplug_source.cpp.
#include <string>

#include "power/sources/http_client.hpp"
#include "power/sources/power_source.hpp"

namespace bramble::power {

class SmartPlugSource : public PowerSource {
 public:
  // base_url e.g. http://shelly-plug.local
  explicit SmartPlugSource(std::string base_url, int timeout_ms = 2000, HttpCredentials credentials = {});
  std::string kind() const override { return "smartplug"; }
  std::string describe() const override { return flavour_ + " at " + client_.base_url() + path_ + " field " + field_; }
  Scope scope() const override { return Scope::wall; }
  Reading read() override;
  const std::string& flavour() const { return flavour_; }

 private:
  HttpClient client_;
  int timeout_ms_;
  std::string path_, field_, flavour_;
};

}  // namespace bramble::power
