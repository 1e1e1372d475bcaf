#pragma once
// Helpers shared by the HPL kernel tests: the world's size, grids that fit it, and a full
// copy of a generated system for single-rank reference solves.
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

// The grids the issue asks for that fit the current number of ranks.
inline std::vector<std::pair<int, int>> grids_for_world() {
  const std::pair<int, int> all[] = {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 4}, {4, 1}};
  std::vector<std::pair<int, int>> out;
  for (auto g : all)
    if (g.first * g.second == world_size()) out.push_back(g);
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
