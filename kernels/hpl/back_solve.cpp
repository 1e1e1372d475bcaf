#include "hpl/back_solve.hpp"

#include <cblas.h>

#include <algorithm>

namespace bramble::hpl {

std::vector<double> back_substitute(const DistMatrix& a, LuObserver& observer) {
  PhaseScope scope(observer, LuPhase::solve);
  const ProcessGrid& grid = a.grid();
  const BlockCyclic& rows = a.rows();
  const BlockCyclic& cols = a.cols();
  const std::int64_t n = a.n();
  const int nb = a.nb();
  const int y_col = cols.owner(n);  // process column holding y = column n
  const std::int64_t y_local = cols.to_local(n);

  std::vector<double> x(static_cast<std::size_t>(n), 0.0);
  std::vector<double> partial(static_cast<std::size_t>(a.local_rows()), 0.0);  // sum U_ij x_j
  std::vector<double> rhs(static_cast<std::size_t>(nb));

  for (std::int64_t j0 = ((n - 1) / nb) * nb; j0 >= 0; j0 -= nb) {
    const int jb = static_cast<int>(std::min<std::int64_t>(nb, n - j0));
    const int prow = rows.owner(j0), pcol = cols.owner(j0);
    if (grid.my_row() == prow) {
      const std::int64_t il = rows.to_local(j0);
      for (int i = 0; i < jb; ++i)
        rhs[i] = (grid.my_col() == y_col ? a.at(il + i, y_local) : 0.0) - partial[il + i];
      MPI_Reduce(grid.my_col() == pcol ? MPI_IN_PLACE : rhs.data(), rhs.data(), jb, MPI_DOUBLE,
                 MPI_SUM, pcol, grid.row_comm());
      if (grid.my_col() == pcol)
        cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, jb,
                    a.col_ptr(il, cols.to_local(j0)), static_cast<int>(a.ld()), rhs.data(), 1);
    }
    if (grid.my_row() == prow && grid.my_col() == pcol) std::copy_n(rhs.data(), jb, x.data() + j0);
    MPI_Bcast(x.data() + j0, jb, MPI_DOUBLE, grid.rank_of(prow, pcol), grid.all());
    if (grid.my_col() == pcol) {
      const std::int64_t above = rows.first_local_at_or_after(j0);  // my rows with index < j0
      if (above > 0)
        cblas_dgemv(CblasColMajor, CblasNoTrans, static_cast<int>(above), jb, 1.0,
                    a.col_ptr(0, cols.to_local(j0)), static_cast<int>(a.ld()), x.data() + j0, 1,
                    1.0, partial.data(), 1);
    }
  }
  return x;
}

}  // namespace bramble::hpl
