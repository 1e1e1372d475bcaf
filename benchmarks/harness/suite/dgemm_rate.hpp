#pragma once
// The rate at which this process's BLAS multiplies matrices: the ceiling of any code that
// spends its time in DGEMM. The doctor measures it on one core of each node
// (adapters/doctor/probes.hpp); HPL measures it on every rank, with the rank's own BLAS
// threads, and reports its Gflop/s as a share of the sum (adapters/hpl/dgemm_efficiency.hpp).
// No MPI here: callers start the ranks together.
#include <vector>

namespace bramble {

// C = A B for random n x n matrices, best of `reps` timed products after one untimed (page
// faults, BLAS start-up), and of more while the timed ones add up to under `min_seconds`
// (a best of many rides out a moment's disturbance on a busy machine), with whatever BLAS
// threads the caller has set. The product is checked as C x = A (B x) for a random x
// (dgemm_check).
struct DgemmFigures {
  double gflops = 0;
  double residual = 0;  // dgemm_check's; <= about 1 for a right product
};
DgemmFigures measure_dgemm(int n, int reps, double min_seconds = 0);

// The check alone, for column-major n x n A, B and C: the largest difference between C x and
// A (B x), scaled by n * epsilon * |A| |B| |x| (HPL's way of scaling a residual): 0 for
// C = A B in exact arithmetic, about 1 or less for a rounded one, far more for a wrong one.
double dgemm_check(const std::vector<double>& a, const std::vector<double>& b, const std::vector<double>& c, int n);

}  // namespace bramble
