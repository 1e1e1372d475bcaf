#pragma once
// Applying a panel's row interchanges to the trailing columns, and forming the U block row.
//
// The panel recorded jb swaps "row j0+i <-> row ipiv[i]", applied in order. Their net effect
// is a permutation that touches at most 2*jb rows: the jb rows that end up on top (they
// form U) and the old top rows that move down. A SwapPlan works that out once, so the
// swaps cost a few messages over the process column instead of jb rounds of them.
//
// With P process rows there are two ways to move those rows (HPL's SWAP setting):
//   allgather    one MPI_Allgatherv: every process row receives every needed row, about
//                2*jb rows per process row, although it only keeps U and its own moved rows.
//   spread_roll  HPL's "long" swap (SWAP=1): each moved-down row goes straight to the process
//                row that stores its new position, and U is assembled with a spread (process
//                row k collects piece k of U's jb rows) then a roll (a ring allgather of the P
//                pieces). Each process row receives at most jb rows of U plus the rows moved
//                into it, and no link carries more than its share: it wins as P grows.
// Both only copy values, so they give bitwise identical results.
#include <mpi.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "hpl/dist_matrix.hpp"

namespace bramble::hpl {

struct SwapPlan {
  std::int64_t j0 = 0;
  int jb = 0;
  std::vector<std::int64_t> ipiv;                               // as the panel recorded them
  std::vector<std::int64_t> u_source;                           // original row now at j0+i
  std::vector<std::pair<std::int64_t, std::int64_t>> moves_down;  // (position, original top row)
};

SwapPlan plan_swaps(std::int64_t j0, int jb, const std::int64_t* ipiv);

// The U block row: jb rows over my local columns from c_begin on, leading dimension ld.
struct UBlock {
  double* data = nullptr;
  std::int64_t ld = 0;
  std::int64_t c_begin = 0;
  double* col(std::int64_t local_col) const { return data + (local_col - c_begin) * ld; }
};

// How the rows travel when there are several process rows; see the top of this file.
// spread_roll is HPL.dat's SWAP=1 ("long"); allgather is bramble's original, simpler scheme.
enum class SwapAlgo { allgather, spread_roll };

// Applies the plan to my local columns [c_begin, c_end) and returns the U block row for
// them. With one process row the swaps happen in place and U points into the matrix (both
// algorithms). Otherwise the rows travel over the process column as `algo` says and U lives
// in `u_buffer` (the diagonal process row copies it back after the update). Collective over
// the process column; every process in it must pass the same plan, columns and algo.
UBlock swap_rows(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin, std::int64_t c_end,
                 std::vector<double>& u_buffer, SwapAlgo algo = SwapAlgo::allgather);

// Writes U (after its triangular solve) back into the matrix on the diagonal process row,
// when U was gathered into a buffer.
void store_u(DistMatrix& a, const SwapPlan& plan, const UBlock& u, std::int64_t c_begin,
             std::int64_t c_end);

}  // namespace bramble::hpl
