#pragma once
// What a weak-scaling study held constant per rank. The scaled speedup's ideal of p, and the
// Gustafson law the weak fit uses, assume every rank has the same work at every rank count.
// scripts/scaling.sh sizes each kernel so (HPL's N grows as the cube root of p), but a study
// may be sized otherwise: HPL's usual N growing as sqrt(p) holds the matrix memory per rank
// constant while the flops per rank grow as sqrt(p), and bigger local blocks run DGEMM
// faster, which flatters. Such a study is reported as what it held, without the fit.
#include <string>

#include "comparison/scaling_groups.hpp"

namespace bramble {

struct WeakLoad {
  bool work_constant = true;  // the work per rank within 10% over the study's rank counts
  std::string held = "work per rank held constant";  // or "memory per rank held constant (N^2/p), not work"
  std::string work_change;    // where the work was not constant: "the flops per rank ... grew 1.99x from 1 to 4 ranks"
};

// HPL's from each result's N. The other kernels' weak sizes are per rank by construction (the
// stencil's --weak, STREAM's --stream-n, render's spp times p in scripts/scaling.sh).
WeakLoad weak_load(const ScalingGroup& group);

}  // namespace bramble
