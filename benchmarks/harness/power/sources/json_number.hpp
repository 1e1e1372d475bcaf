#pragma once
// Picking one number out of a smart plug's JSON reply by a path such as "meters[0].power"
// or "StatusSNS.ENERGY.Power". nlohmann-json parses; this only walks the path, which stays
// data (one per plug flavour, smartplug_source.cpp).
#include <optional>
#include <string>

namespace bramble::power {

// The number at `path`, or nothing if the path is absent or not a number. Throws
// PowerError if `json` is not well-formed JSON.
std::optional<double> json_number_at(const std::string& json, const std::string& path);

}  // namespace bramble::power
