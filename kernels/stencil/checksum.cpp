#include "stencil/checksum.hpp"

#include <mpi.h>

#include <bit>
#include <cstdio>

#include "stencil/box.hpp"

namespace bramble::stencil {
namespace {
std::uint64_t mix64(std::uint64_t x) {  // SplitMix64's finaliser
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
}  // namespace

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

std::string hex(std::uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace bramble::stencil
