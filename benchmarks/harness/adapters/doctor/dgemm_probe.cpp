// The DGEMM probe (probes.hpp): the measurement of suite/dgemm_rate.hpp on one core.
#include "blas_info.h"

#include "adapters/doctor/probes.hpp"

namespace bramble::doctor {
namespace {

// One BLAS thread while it lives, so the probe measures one core whatever
// OPENBLAS_NUM_THREADS says; the caller's setting comes back afterwards.
class OneBlasThread {
 public:
  OneBlasThread() : before_(bramble_blas_threads()) { bramble_blas_set_threads(1); }
  ~OneBlasThread() { bramble_blas_set_threads(before_); }
  OneBlasThread(const OneBlasThread&) = delete;
  OneBlasThread& operator=(const OneBlasThread&) = delete;

 private:
  int before_;
};

}  // namespace

DgemmFigures dgemm_probe(int n, int reps) {
  OneBlasThread one_thread;
  return measure_dgemm(n, reps);
}

}  // namespace bramble::doctor
