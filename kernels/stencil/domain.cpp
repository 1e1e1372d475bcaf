#include "stencil/domain.hpp"

#include <algorithm>

namespace bramble::stencil {
namespace {

// MPI_Dims_create returns the largest factor first, and MPI's Cartesian dimension 0 is
// the slowest varying one; bramble's axis 0 (x) is the contiguous one. Reversing the order
// gives the largest process count to the slowest axis, so every rank keeps long contiguous
// rows. The map is its own inverse: it turns MPI dimensions into axes and back.
int mpi_dim(int axis, int dims) { return dims - 1 - axis; }

}  // namespace

std::array<int, 3> Domain::process_grid(int ranks, int dims) {
  int mpi_dims[3] = {0, 0, 0};
  MPI_Dims_create(ranks, dims, mpi_dims);
  std::array<int, 3> procs{1, 1, 1};
  for (int a = 0; a < dims; ++a) procs[a] = mpi_dims[mpi_dim(a, dims)];
  return procs;
}

Domain::Domain(MPI_Comm comm, int dims, Extent global, int halo)
    : dims_(dims), halo_(halo), global_(global) {
  int ranks = 0;
  MPI_Comm_size(comm, &ranks);
  procs_ = process_grid(ranks, dims);
  int mpi_dims[3], periods[3] = {0, 0, 0};
  for (int a = 0; a < dims; ++a) mpi_dims[mpi_dim(a, dims)] = procs_[a];
  MPI_Cart_create(comm, dims, mpi_dims, periods, /*reorder=*/0, &cart_);
  int rank = 0, mpi_coords[3] = {0, 0, 0};
  MPI_Comm_rank(cart_, &rank);
  MPI_Cart_coords(cart_, rank, dims, mpi_coords);
  for (int a = 0; a < 3; ++a) {
    const int p = procs_[a];
    const int c = a < dims ? mpi_coords[mpi_dim(a, dims)] : 0;
    const std::int64_t base = global_[a] / p, extra = global_[a] % p;
    local_[a] = base + (c < extra ? 1 : 0);
    offset_[a] = c * base + std::min<std::int64_t>(c, extra);
    neighbour_[a] = {MPI_PROC_NULL, MPI_PROC_NULL};
    if (a < dims) MPI_Cart_shift(cart_, mpi_dim(a, dims), 1, &neighbour_[a][0], &neighbour_[a][1]);
  }
  stride_[0] = 1;
  stride_[1] = local_[0] + 2 * ghost(0);
  stride_[2] = stride_[1] * (local_[1] + 2 * ghost(1));
  size_ = static_cast<std::size_t>(stride_[2] * (local_[2] + 2 * ghost(2)));
}

Domain::~Domain() { MPI_Comm_free(&cart_); }

}  // namespace bramble::stencil
