#pragma once
// Result files written before bramble told wall measurements from wall figures that are not
// (power/scope.hpp) recorded two kinds of meter as scope "wall": the Pi 5 PMIC through its
// model (`pi5-pmic:wall`) and a hwmon sensor the user labelled wall (`hwmon:NAME:wall`).
// Today's bramble never records either as "wall", so such a meter is recognised by its kind
// alone, in any file and any run, whatever the file's schema version (a file keeps its
// version when later runs are appended to it). The reader gives them today's scopes:
//   kind pi5-pmic, scope wall  ->  wall-model
//   kind hwmon, scope wall     ->  wall-declared
// and each kernel's per-scope figures, totals and Green500 flag follow: the figures move
// to the new scope's names, and the flag is cleared with the reason.
#include "results/model.hpp"

namespace bramble {

// The scope today's bramble gives `meter`: its own, except for the two cases above.
std::string current_scope(const MeterInfo& meter);

// Applies current_scope to the run's meters and, where one changed, to every kernel's power
// record. An old "wall" total that combined several wall meters takes the weakest scope
// among them (wall, then wall-model, then wall-declared), as no part of it is better.
void rescope_old_wall_meters(RunRecord& run);

}  // namespace bramble
