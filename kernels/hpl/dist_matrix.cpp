#include "hpl/dist_matrix.hpp"

#include <algorithm>

namespace bramble::hpl {

DistMatrix::DistMatrix(const ProcessGrid& grid, std::int64_t n, int nb)
    : grid_(&grid),
      n_(n),
      nb_(nb),
      rows_{n, nb, grid.p(), grid.my_row()},
      cols_{n + 1, nb, grid.q(), grid.my_col()},
      ld_(std::max<std::int64_t>(1, rows_.local_count())),
      data_(static_cast<std::size_t>(ld_ * cols_.local_count())) {}

std::int64_t DistMatrix::local_bytes(std::int64_t n, int nb, int p, int q, int row, int col) {
  const BlockCyclic r{n, nb, p, row};
  const BlockCyclic c{n + 1, nb, q, col};
  return std::max<std::int64_t>(1, r.local_count()) * c.local_count() *
         static_cast<std::int64_t>(sizeof(double));
}

}  // namespace bramble::hpl
