#pragma once
// Applying a panel's row interchanges to the trailing columns, and forming the U block row.
//
// The panel recorded jb swaps "row j0+i <-> row ipiv[i]", applied in order. Their net effect
// is a permutation that touches at most 2*jb rows: the jb rows that end up on top (they
// form U) and the old top rows that move down. A SwapPlan works that out once, so the
// swaps cost one collective over the process column instead of jb messages.
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

// Applies the plan to my local columns [c_begin, c_end) and returns the U block row for
// them. With one process row the swaps happen in place and U points into the matrix;
// otherwise the rows are exchanged with one MPI_Allgatherv over the process column and U
// lives in `u_buffer` (the diagonal process row copies it back after the update).
UBlock swap_rows(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin, std::int64_t c_end,
                 std::vector<double>& u_buffer);

// Writes U (after its triangular solve) back into the matrix on the diagonal process row,
// when U was gathered into a buffer.
void store_u(DistMatrix& a, const SwapPlan& plan, const UBlock& u, std::int64_t c_begin,
             std::int64_t c_end);

}  // namespace bramble::hpl
