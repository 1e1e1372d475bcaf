#pragma once
// What a power figure covers and how it was obtained: its scope. Totals never mix scopes,
// per-watt ratios are only given within one, and only `wall` counts as measured at the wall
// (the Green500 flag, the published ranking without '!').
//
//   cpu-package    a CPU package counter (RAPL): no memory, board, fans or supply losses
//   board          a board-level sensor (the Pi 5 PMIC's rails, an INA2xx by default)
//   wall           measured at the wall or at the machine's input by a meter bramble reads
//                  itself: a BMC over IPMI, a smart plug, an external meter's log
//   wall-model     a board reading turned into wall power by a fitted model
//                  (pi5-pmic:wall); a model's figure, not a measurement at the wall
//   wall-declared  a sensor the user says measures the wall (hwmon:NAME:wall); bramble
//                  cannot check what the sensor sits on, so it is the user's word
//   estimate       a declared wattage (fixed:WATTS): nothing measured
//
// Scopes travel as text in result files and records; these names are that text.
#include <string>

namespace bramble::power {

enum class Scope { cpu_package, board, wall, wall_model, wall_declared, estimate };
const char* scope_name(Scope s);

// True only for `wall`: measured at the wall by a meter bramble reads itself.
bool measured_at_wall(const std::string& scope);

// Why a scope is not measured wall power, in a few words for a flag's reason or a warning
// ("a model's figure: PMIC rails x 1.1451 + 0.5879 W, not a wall meter"); "" for `wall`.
std::string not_wall_reason(const std::string& scope);

}  // namespace bramble::power
