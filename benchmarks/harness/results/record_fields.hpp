#pragma once
// The result file's names for the run context and a kernel result (results/README.md),
// written once and used by both the writer and the reader.
#include "context/run_metadata.hpp"
#include "core/fields.hpp"
#include "power/record.hpp"
#include "results/kernel_result.hpp"

namespace bramble {

const Fields<RunMetadata>& run_metadata_fields();  // runs/run-NNNN attributes
const Fields<KernelResult>& kernel_result_fields();  // kernels/NNN-x attributes
const Fields<RunPower>& run_power_fields();          // runs/run-NNNN/power attributes
const Fields<PowerRecord>& power_record_fields();    // kernels/NNN-x/power attributes (not the figures)

}  // namespace bramble
