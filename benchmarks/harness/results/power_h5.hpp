#pragma once
// The power parts of a result file (layout in results/README.md): the run's meters and
// telemetry under runs/run-NNNN/power, each kernel's phase under .../kernels/NNN-x/power.
#include <hdf5.h>

#include <vector>

#include "results/kernel_result.hpp"
#include "power/record.hpp"

namespace bramble {

void write_run_power(hid_t run, const RunPower& power);
void write_kernel_power(hid_t kernel, const PowerRecord& power);

// Read back as plain attributes, for `bramble show` and tests; empty where there is none.
struct PowerGroupContents {
  std::vector<NamedValue> attrs;                  // power/ attributes
  std::vector<std::vector<NamedValue>> members;   // meter-NNN (run) or node-NNN (kernel)
  std::vector<std::vector<double>> series;        // kernel: per node, rows of kSeriesWidth
};
PowerGroupContents read_power_group(hid_t parent);

}  // namespace bramble
