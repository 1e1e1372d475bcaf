#pragma once
// The P x Q process grid HPL factorises on, with the row and column communicators
// every step of the algorithm talks over. Owns (and frees) its communicators.
#include <mpi.h>

namespace bramble::hpl {

enum class GridOrder { row_major, column_major };  // HPL.dat's PMAP 0 and 1

class ProcessGrid {
 public:
  // `comm` must hold exactly p*q ranks.
  ProcessGrid(MPI_Comm comm, int p, int q, GridOrder order = GridOrder::row_major);
  ~ProcessGrid();
  ProcessGrid(const ProcessGrid&) = delete;
  ProcessGrid& operator=(const ProcessGrid&) = delete;

  int p() const { return p_; }
  int q() const { return q_; }
  int my_row() const { return my_row_; }
  int my_col() const { return my_col_; }
  MPI_Comm all() const { return all_; }
  MPI_Comm row_comm() const { return row_; }  // my process row: ranks are column indices
  MPI_Comm col_comm() const { return col_; }  // my process column: ranks are row indices
  int rank_of(int row, int col) const;        // rank in all() of grid position (row, col)

 private:
  int p_, q_;
  GridOrder order_;
  int my_row_ = 0, my_col_ = 0;
  MPI_Comm all_ = MPI_COMM_NULL, row_ = MPI_COMM_NULL, col_ = MPI_COMM_NULL;
};

}  // namespace bramble::hpl
