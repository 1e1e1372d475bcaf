#pragma once
// Helpers shared by the HPL kernel tests: the world's size, grids that fit it, and a full
// copy of a generated system for single-rank reference solves.
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "hpl/matrix_generator.hpp"

namespace bramble::hpl::testing {

inline int world_size() {
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

// Every P x Q grid with P * Q == ranks, in both orders: 1xN and Nx1 put all the ranks in
// one process column or row, which is where the pivot and broadcast paths differ most.
inline std::vector<std::pair<int, int>> grids_for(int ranks) {
  std::vector<std::pair<int, int>> out;
  for (int p = 1; p <= ranks; ++p)
    if (ranks % p == 0) out.emplace_back(p, ranks / p);
  return out;
}

// The grids for the current world. A loop over no grids would let a test pass without
// checking anything, so an empty list is a failure of the calling test.
inline std::vector<std::pair<int, int>> grids_for_world() {
  std::vector<std::pair<int, int>> out = grids_for(world_size());
  if (out.empty()) ADD_FAILURE() << "no process grid for " << world_size() << " rank(s)";
  return out;
}

// Full column-major A (n x n) and b of the system generated from `seed`.
inline std::pair<std::vector<double>, std::vector<double>> full_system(std::uint64_t seed,
                                                                       std::int64_t n) {
  std::vector<double> a(static_cast<std::size_t>(n * n)), b(static_cast<std::size_t>(n));
  for (std::int64_t j = 0; j < n; ++j)
    for (std::int64_t i = 0; i < n; ++i) a[i + j * n] = system_entry(seed, i, j);
  for (std::int64_t i = 0; i < n; ++i) b[i] = system_entry(seed, i, n);
  return {a, b};
}

}  // namespace bramble::hpl::testing
