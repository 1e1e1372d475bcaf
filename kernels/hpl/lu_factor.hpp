#pragma once
// Distributed right-looking blocked LU with partial pivoting, in the style of HPL.
//
// For each panel of NB columns:
//   1. panel factorisation by the process column that owns it (pivot search over the column),
//   2. panel broadcast along each process row,
//   3. row interchanges in the trailing columns, which also form the U block row,
//   4. trailing update: U = L11^-1 U (DTRSM), A22 -= L21 U (DGEMM).
// With look-ahead of depth D, panel k+D is factored and sent while panel k is applied: its
// owner first brings just those columns up to date (with panels k .. k+D-1), factors and
// sends it, then updates the rest. The broadcasts of D panels are then in flight behind the
// big DGEMMs instead of stalling every other process; D = 0 is the plain algorithm.
#include <cstdint>

#include "hpl/bcast_schedule.hpp"
#include "hpl/dist_matrix.hpp"
#include "hpl/lu_observer.hpp"
#include "hpl/row_swaps.hpp"

namespace bramble::hpl {

inline constexpr int kMaxLookaheadDepth = 4;

struct LuOptions {
  int depth = 1;                    // look-ahead depth, 0 .. kMaxLookaheadDepth
  BcastAlgo bcast = BcastAlgo::ring_modified;
  SwapAlgo swap = SwapAlgo::allgather;
  int leaf_width = 16;              // panel recursion stops at this many columns
  std::int64_t update_chunk = 256;  // columns per DGEMM between MPI progress polls
};

struct LuOutcome {
  bool nonsingular = true;  // agreed by every rank: false if any panel met a zero pivot
};

// Overwrites [A | b] with U and L^-1 b (and L below the diagonal, which is not used later).
LuOutcome factor_lu(DistMatrix& a, const LuOptions& options, LuObserver& observer);

}  // namespace bramble::hpl
