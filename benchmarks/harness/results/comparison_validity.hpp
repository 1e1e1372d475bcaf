#pragma once
// One verdict per run, as HPCG gives VALID or INVALID: may this run's figures stand against
// another machine's? Every reason it may not is listed, so the fix is plain:
//   - a kernel failed verification, or a node throttled during it;
//   - a trust warning (build type, oversubscription, governor, a forced BLAS core, --quick);
//   - a memory benchmark's arrays were under 4x the last-level cache (figure cache_multiple);
//   - a kernel ran fewer than 3 repetitions, so its noise is unknown, or its repetitions vary
//     by more than the coefficient of variation the repetition policy aims for.
// Power is judged apart: without measured power (none, or a declared estimate) the run may
// be valid for its figures while its per-watt figures are not comparable.
#include <string>
#include <vector>

#include "results/model.hpp"

namespace bramble {

inline constexpr int kValidMinReps = 3;
inline constexpr double kValidMaxCvPercent = 3.5;
inline constexpr int kValidMinCacheMultiple = 4;

struct ComparisonValidity {
  bool valid = true;
  bool per_watt_comparable = true;
  std::vector<std::string> reasons;           // why not valid
  std::vector<std::string> per_watt_reasons;  // why per watt is not comparable
};

ComparisonValidity comparison_validity(const RunRecord& run);

// "valid for comparison: yes" / "valid for comparison: NO (reason; reason)", and the per-watt
// verdict when it differs.
std::string validity_line(const ComparisonValidity& v);

}  // namespace bramble
