#pragma once
// One dimension of HPL's 2D block-cyclic layout.
//
// Global indices 0..n-1 are cut into blocks of nb; block b lives on process b % nprocs.
// Each process stores its blocks one after another, so local order follows global order:
// that is what lets "all my rows at or below global row g" be one contiguous local range.
#include <algorithm>
#include <cstdint>

namespace bramble::hpl {

struct BlockCyclic {
  std::int64_t n = 0;  // global extent
  int nb = 1;          // block size
  int nprocs = 1;      // processes along this dimension
  int me = 0;          // my coordinate along this dimension

  [[nodiscard]] int owner(std::int64_t g) const { return static_cast<int>((g / nb) % nprocs); }

  // Number of indices process `proc` stores (ScaLAPACK's NUMROC).
  [[nodiscard]] std::int64_t local_count(int proc) const {
    const std::int64_t blocks = n / nb;
    std::int64_t count = (blocks / nprocs) * nb;
    const std::int64_t extra = blocks % nprocs;
    if (proc < extra) count += nb;
    else if (proc == extra) count += n % nb;
    return count;
  }
  [[nodiscard]] std::int64_t local_count() const { return local_count(me); }

  // Local index of global index g; only meaningful on g's owner.
  [[nodiscard]] std::int64_t to_local(std::int64_t g) const {
    return (g / nb / nprocs) * nb + g % nb;
  }
  // Global index of local index l on process proc.
  [[nodiscard]] std::int64_t to_global(std::int64_t l, int proc) const {
    return ((l / nb) * nprocs + proc) * nb + l % nb;
  }
  [[nodiscard]] std::int64_t to_global(std::int64_t l) const { return to_global(l, me); }

  // First of my local indices whose global index is >= g (local_count() if none).
  [[nodiscard]] std::int64_t first_local_at_or_after(std::int64_t g) const {
    const std::int64_t block = g / nb;
    const std::int64_t block_owner = block % nprocs;
    const std::int64_t local_block = block / nprocs;
    std::int64_t l = 0;
    if (block_owner == me) l = local_block * nb + g % nb;
    else if (block_owner > me) l = (local_block + 1) * nb;
    else l = local_block * nb;
    return std::min(l, local_count());
  }
};

}  // namespace bramble::hpl
