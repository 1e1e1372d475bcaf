#include "hpl/residual.hpp"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bramble::hpl {

ResidualNorms hpl_residual(const DistMatrix& a, const std::vector<double>& x) {
  const ProcessGrid& grid = a.grid();
  const std::int64_t n = a.n(), mloc = a.local_rows(), nloc = a.local_cols();
  std::vector<double> r(static_cast<std::size_t>(mloc), 0.0);    // partial A x - b
  std::vector<double> row_abs(static_cast<std::size_t>(mloc), 0.0);  // partial sum |a_ij|
  double b_inf = 0.0;
  for (std::int64_t jl = 0; jl < nloc; ++jl) {
    const std::int64_t j = a.cols().to_global(jl);
    const double* col = a.col_ptr(0, jl);
    if (j == n) {  // b
      for (std::int64_t il = 0; il < mloc; ++il) {
        r[il] -= col[il];
        b_inf = std::max(b_inf, std::fabs(col[il]));
      }
      continue;
    }
    for (std::int64_t il = 0; il < mloc; ++il) {
      r[il] += col[il] * x[j];
      row_abs[il] += std::fabs(col[il]);
    }
  }
  MPI_Allreduce(MPI_IN_PLACE, r.data(), static_cast<int>(mloc), MPI_DOUBLE, MPI_SUM, grid.row_comm());
  MPI_Allreduce(MPI_IN_PLACE, row_abs.data(), static_cast<int>(mloc), MPI_DOUBLE, MPI_SUM,
                grid.row_comm());
  double maxima[3] = {0.0, 0.0, b_inf};
  for (std::int64_t il = 0; il < mloc; ++il) {
    maxima[0] = std::max(maxima[0], std::fabs(r[il]));
    maxima[1] = std::max(maxima[1], row_abs[il]);
  }
  MPI_Allreduce(MPI_IN_PLACE, maxima, 3, MPI_DOUBLE, MPI_MAX, grid.all());

  ResidualNorms norms;
  norms.r_inf = maxima[0];
  norms.a_inf = maxima[1];
  norms.b_inf = maxima[2];
  for (double v : x) norms.x_inf = std::max(norms.x_inf, std::fabs(v));
  norms.eps = std::numeric_limits<double>::epsilon() / 2;
  norms.n = n;
  // A NaN anywhere must fail the check, and max() silently drops NaNs.
  for (double v : x)
    if (std::isnan(v)) norms.r_inf = std::numeric_limits<double>::infinity();
  return norms;
}

}  // namespace bramble::hpl
