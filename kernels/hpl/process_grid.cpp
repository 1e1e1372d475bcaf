#include "hpl/process_grid.hpp"

#include <stdexcept>

namespace bramble::hpl {

ProcessGrid::ProcessGrid(MPI_Comm comm, int p, int q, GridOrder order)
    : p_(p), q_(q), order_(order) {
  int size = 0, rank = 0;
  MPI_Comm_size(comm, &size);
  MPI_Comm_rank(comm, &rank);
  if (p < 1 || q < 1 || p * q != size)
    throw std::invalid_argument("process grid P x Q must equal the number of ranks");
  if (order == GridOrder::row_major) {
    my_row_ = rank / q;
    my_col_ = rank % q;
  } else {
    my_row_ = rank % p;
    my_col_ = rank / p;
  }
  MPI_Comm_dup(comm, &all_);
  // Keys order each sub-communicator by grid coordinate, so rank == coordinate.
  MPI_Comm_split(all_, my_row_, my_col_, &row_);
  MPI_Comm_split(all_, my_col_, my_row_, &col_);
}

ProcessGrid::~ProcessGrid() {
  MPI_Comm_free(&col_);
  MPI_Comm_free(&row_);
  MPI_Comm_free(&all_);
}

int ProcessGrid::rank_of(int row, int col) const {
  return order_ == GridOrder::row_major ? row * q_ + col : col * p_ + row;
}

}  // namespace bramble::hpl
