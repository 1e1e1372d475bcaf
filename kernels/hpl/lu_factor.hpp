#pragma once
// Distributed right-looking blocked LU with partial pivoting, in the style of HPL.
//
// For each panel of NB columns:
//   1. panel factorisation by the process column that owns it (pivot search over the column),
//   2. panel broadcast along each process row,
//   3. row interchanges in the trailing columns, which also form the U block row,
//   4. trailing update: U = L11^-1 U (DTRSM), A22 -= L21 U (DGEMM).
// With look-ahead, the owner of the next panel updates just those columns first, factors
// and sends the next panel, then updates the rest: the next panel's factorisation and
// broadcast hide behind the big DGEMM instead of stalling every other process.
#include <cstdint>

#include "hpl/dist_matrix.hpp"
#include "hpl/lu_observer.hpp"

namespace bramble::hpl {

struct LuOptions {
  bool lookahead = true;
  int leaf_width = 16;              // panel recursion stops at this many columns
  std::int64_t update_chunk = 768;  // columns per DGEMM between MPI progress polls
};

struct LuOutcome {
  bool nonsingular = true;  // agreed by every rank: false if any panel met a zero pivot
};

// Overwrites [A | b] with U and L^-1 b (and L below the diagonal, which is not used later).
LuOutcome factor_lu(DistMatrix& a, const LuOptions& options, LuObserver& observer);

}  // namespace bramble::hpl
