#pragma once
// The global grid cut into one box per rank, over a Cartesian process grid
// (MPI_Dims_create + MPI_Cart_create), and the layout of each rank's local array.
//
// Axis 0 (x) is contiguous in memory, axis 2 (z) is the slowest. MPI_Dims_create returns
// the largest factor first; it goes to the slowest axis, so rows stay long and contiguous.
// Sizes that do not divide evenly give the first ranks along an axis one extra point.
#include <mpi.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace bramble::stencil {

using Extent = std::array<std::int64_t, 3>;

class Domain {
 public:
  // dims: 2 or 3 (for 2 the z extent must be 1); halo: ghost layers on each active face.
  Domain(MPI_Comm comm, int dims, Extent global, int halo);
  ~Domain();
  Domain(const Domain&) = delete;
  Domain& operator=(const Domain&) = delete;

  MPI_Comm comm() const { return cart_; }
  int dims() const { return dims_; }
  int halo() const { return halo_; }
  const Extent& global() const { return global_; }
  const Extent& local() const { return local_; }    // my interior points per axis
  const Extent& offset() const { return offset_; }  // global index of my first point
  const std::array<int, 3>& procs() const { return procs_; }  // ranks along x, y, z
  int neighbour(int axis, int side) const { return neighbour_[axis][side]; }  // side 0 low, 1 high

  // Local array: interior plus `halo` ghost layers on the active axes.
  std::int64_t stride(int axis) const { return stride_[axis]; }
  std::size_t array_size() const { return size_; }
  int ghost(int axis) const { return axis < dims_ ? halo_ : 0; }
  // Position of local interior point (i, j, k); ghosts have negative or >= local indices.
  std::int64_t index(std::int64_t i, std::int64_t j, std::int64_t k) const {
    return (i + ghost(0)) + (j + ghost(1)) * stride_[1] + (k + ghost(2)) * stride_[2];
  }

  // Smallest local extent along an active axis over all ranks.
  static std::int64_t smallest_share(std::int64_t n, int procs) { return n / procs; }
  static std::array<int, 3> process_grid(int ranks, int dims);

 private:
  MPI_Comm cart_ = MPI_COMM_NULL;
  int dims_, halo_;
  Extent global_, local_{}, offset_{};
  std::array<int, 3> procs_{1, 1, 1};
  std::array<std::array<int, 2>, 3> neighbour_{};
  std::array<std::int64_t, 3> stride_{};
  std::size_t size_ = 0;
};

}  // namespace bramble::stencil
