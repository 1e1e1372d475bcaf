#pragma once
// From per-node phase records to what a reader wants: energy per scope, performance per
// watt, and whether the measurement would satisfy the Green500 rules. Pure arithmetic, no
// MPI, so tests can check it with made-up records.
#include <string>

#include "power/record.hpp"

namespace bramble {

// Green500 / EE HPC WG level 1 in brief: at least one sample per second, at least 10 samples,
// and a core phase of at least a minute.
inline constexpr double kGreen500MinSeconds = 60;
inline constexpr int kGreen500MinSamples = 10;
// A reading unchanged this long is suspect: an energy counter always advances, but a power
// meter with whole-watt resolution (IPMI, Tasmota) may repeat itself under a steady load.
inline constexpr double kStaleCounterSeconds = 5;
inline constexpr double kStalePowerSeconds = 60;

// Fills rec.totals, rec.figures, rec.throttled, rec.green500_valid and rec.notes from
// rec.meters and rec.nodes. `figure` in `figure_name`'s unit (e.g. Gflop/s) becomes
// `<figure_name>_per_watt_<scope>` for each scope whose meters cover all `node_count` nodes,
// and `..._above_idle` with the idle baseline subtracted. `figure` should be the rate over
// the same windows the energy covers (phase_rate()), so that per watt means work per joule.
// Green500-valid needs measured wall power on every node (scope wall: not wall-model, not
// wall-declared), as well as the sampling rules above; the reason names every rule missed.
//
// `extra_watts` (--power-extra, power_extra.hpp) is declared shared gear: a constant added to
// the scope that covers every node, to its watts, its joules over the phase and its idle
// baseline (the switch draws at idle too, so figures above idle do not change), and so to
// its per-watt figures; `extra_watts_<scope>` says how much of them is declared. It leaves
// the scope as it is and the Green500 flag to the meters.
void summarise_power(PowerRecord& rec, int node_count, const std::vector<std::string>& hostnames,
                     const std::string& figure_name, double figure, double extra_watts = 0);

// A kernel's rate over its whole timed phase, from its best-repetition figure: repetitions
// do equal work, so the phase rate is figure x best / mean repetition time.
double phase_rate(double figure_of_merit, const std::vector<double>& rep_seconds);

}  // namespace bramble
