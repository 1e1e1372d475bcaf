#pragma once
// Partial pivoting across a process column, in one collective per column (as HPL does).
//
// Every process offers its best candidate row; one MPI_Allreduce with a user-defined
// operation picks the largest |a| (ties go to the smaller global row, so the choice does
// not depend on the grid) and, in the same message, carries the current diagonal row.
// Afterwards every process knows both rows and can complete the swap locally.
#include <mpi.h>

#include <cstdint>
#include <vector>

#include "hpl/panel.hpp"

namespace bramble::hpl {

class PivotExchange {
 public:
  PivotExchange(MPI_Comm col_comm, int jb);
  ~PivotExchange();
  PivotExchange(const PivotExchange&) = delete;
  PivotExchange& operator=(const PivotExchange&) = delete;

  // Chooses the pivot for panel column jj, swaps it with row j0+jj (full panel width) and
  // copies the pivot row into row jj of `top` (jb x jb, column-major). Returns the pivot's
  // global row; `pivot_value` receives the pivot element.
  std::int64_t exchange(Panel& panel, int jj, double* top, double& pivot_value);

 private:
  std::int64_t exchange_local(Panel& panel, int jj, double* top, double& pivot_value);

  MPI_Comm comm_;
  int nprocs_ = 1;
  int jb_;
  MPI_Datatype type_ = MPI_DATATYPE_NULL;
  MPI_Op op_ = MPI_OP_NULL;
  std::vector<double> buf_;
};

}  // namespace bramble::hpl
