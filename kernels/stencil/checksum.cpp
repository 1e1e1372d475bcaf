#include "stencil/checksum.hpp"

#include <mpi.h>

#include <bit>

#include "common/splitmix.hpp"
#include "stencil/box.hpp"

namespace bramble::stencil {
std::uint64_t field_checksum(const Domain& d, const double* field) {
  std::uint64_t sum = 0;
  const Box all = whole(d);
  const auto& g = d.global();
  const auto& o = d.offset();
  for (std::int64_t z = 0; z < all.hi[2]; ++z)
    for (std::int64_t y = 0; y < all.hi[1]; ++y)
      for (std::int64_t x = 0; x < all.hi[0]; ++x) {
        const auto linear = static_cast<std::uint64_t>(((o[2] + z) * g[1] + (o[1] + y)) * g[0] + (o[0] + x));
        sum += mix64(linear ^ mix64(std::bit_cast<std::uint64_t>(field[d.index(x, y, z)])));
      }
  MPI_Allreduce(MPI_IN_PLACE, &sum, 1, MPI_UINT64_T, MPI_SUM, d.comm());
  return sum;
}

}  // namespace bramble::stencil
