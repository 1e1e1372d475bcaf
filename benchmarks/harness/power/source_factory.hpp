#pragma once
// `--power KIND[:ARG]` to a live source. Kinds so far: rapl, hwmon:NAME[:SCOPE], pi5-pmic[:wall],
// ipmi[:COMMAND], smartplug:URL, fixed:WATTS, auto, none. A named source is read once here, so a broken
// one fails before any kernel runs.
// `auto` picks the best available (RAPL when present) and returns nullptr when nothing is:
// then the run goes on without energy figures.
#include <memory>
#include <string>

#include "power/power_source.hpp"

namespace bramble::power {

// Throws PowerError for an unknown kind or a bad argument, or if the source asked for
// cannot be read. `root` prefixes /sys (tests).
std::unique_ptr<PowerSource> make_source(const std::string& spec, const std::string& root = "");

}  // namespace bramble::power
