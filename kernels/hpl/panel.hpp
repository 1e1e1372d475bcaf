#pragma once
// A view of the panel being factored on one process of the panel's process column:
// my local rows at or below global row j0, and the panel's jb columns.
#include <mpi.h>

#include <cstdint>

#include "hpl/block_cyclic.hpp"

namespace bramble::hpl {

struct Panel {
  double* a = nullptr;          // (first local row >= j0, first panel column)
  std::int64_t lda = 1;
  std::int64_t m = 0;           // my local rows at or below j0
  int jb = 0;                   // panel width
  std::int64_t j0 = 0;          // global index of the panel's first row and column
  std::int64_t il0 = 0;         // local index of a's first row
  const BlockCyclic* rows = nullptr;
  MPI_Comm col_comm = MPI_COMM_NULL;
  int diag_owner = 0;           // process row holding global rows j0 .. j0+jb-1

  bool i_hold_diag() const { return rows->me == diag_owner; }
  // Panel-relative index of my first row whose global index is >= g.
  std::int64_t first_row_at_or_after(std::int64_t g) const {
    return rows->first_local_at_or_after(g) - il0;
  }
  double* row(std::int64_t rel) { return a + rel; }  // stride lda along the row
};

}  // namespace bramble::hpl
