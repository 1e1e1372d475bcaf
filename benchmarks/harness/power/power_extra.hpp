#pragma once
// Shared gear that no node's meter sees (the switch, fans, a shared supply's loss), declared
// with `bramble run --power-extra W[:NAME]` (repeatable) and added as a constant to the
// cluster's power for every kernel. A server's IPMI reading includes its own fans and
// network; per-node plugs on a cluster do not see the switch between them, so a fair
// per-watt comparison adds it here.
//
// An extra is a declared figure, not a measurement. It never changes the scope of the total
// it is added to (power/scope.hpp): a board total plus a PSU loss is still board, not wall,
// and a wall total plus a declared switch is still the meters' wall, with the declared watts
// named beside it wherever the total is shown (`extra_watts_<scope>` in the result file).
// Not the other way round either: lowering the scope would make a cluster that counts its
// switch incomparable with a server whose wall reading has its own, the opposite of fair.
#include <string>
#include <vector>

namespace bramble {

struct PowerExtra {
  std::string name;  // "switch"; kDefaultExtraName when not given
  double watts = 0;  // above 0, at most kMaxExtraWatts
};

inline constexpr double kMaxExtraWatts = 1e6;  // as fixed: wattages, far from overflow
inline constexpr const char* kDefaultExtraName = "shared gear";

// "" when `text` is W[:NAME] with W a finite number of watts above 0 and at most 1000000
// and NAME printable text; otherwise what is wrong, for the option's message.
std::string check_power_extra(const std::string& text);

// The extra `text` declares; InputError with check_power_extra's message when it is bad.
PowerExtra parse_power_extra(const std::string& text);

// The sum of the extras' watts (0 for none).
double total_extra_watts(const std::vector<PowerExtra>& extras);

}  // namespace bramble
