#pragma once
// The doctor's figures as KernelResults, one per probe (doctor-dgemm, -triad, -disk, -health,
// -link), so that the result file, the summary after the run and `bramble show` carry them
// like any kernel's. Per-node figures are named node<i>_<figure>; the pair matrix
// pair_<from>_to_<to>_mbs and _us; each probe's findings are its verification's "flags"
// ("none" when there are none) and how the nodes were compared its "comparison".
// A result FAILS only when a probe's own answer is wrong (DGEMM, triad, a corrupted message):
// findings such as a slow link are not failures.
#include <vector>

#include "adapters/doctor/diagnosis.hpp"
#include "adapters/doctor/link_matrix.hpp"
#include "adapters/doctor/node_phase.hpp"
#include "results/kernel_result.hpp"

namespace bramble::doctor {

struct DoctorRun {
  NodePlan node_plan;
  LinkPlan link_plan;
  int rounds = 0;  // link rounds actually run
  bool shared_machine = false;
  int ranks = 0;
  NodePhase phase;  // with each node's link and latency filled in
  LinkMatrix links;
  Diagnosis diagnosis;
};

std::vector<KernelResult> doctor_results(const DoctorRun& run);

}  // namespace bramble::doctor
