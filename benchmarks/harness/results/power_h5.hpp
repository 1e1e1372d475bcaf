#pragma once
// The power parts of a result file (layout in results/README.md): the run's meters and
// telemetry under runs/run-NNNN/power, each kernel's phase under .../kernels/NNN-x/power.
#include <hdf5.h>

#include <optional>

#include "power/record.hpp"

namespace bramble {

void write_run_power(hid_t run, const RunPower& power);
void write_kernel_power(hid_t kernel, const PowerRecord& power);

// Read back; nullopt where the group is absent (files from before power measurement, --power off).
std::optional<RunPower> read_run_power(hid_t run);
// `meters` are the run's: a kernel's record refers to them by index.
std::optional<PowerRecord> read_kernel_power(hid_t kernel, const std::vector<MeterInfo>& meters);

}  // namespace bramble
