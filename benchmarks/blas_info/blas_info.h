/* What the linked BLAS is and how many threads it uses, asked the same way whichever BLAS
   the build chose (BRAMBLE_BLAS: OpenBLAS, or BLIS): the context block records it, the
   preflight compares it between nodes, the doctor pins it to one thread. C, so the probe
   (benchmarks/blas_probe) can use it too. */
#ifndef BRAMBLE_BLAS_INFO_H
#define BRAMBLE_BLAS_INFO_H

#ifdef __cplusplus
extern "C" {
#endif

/* "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64", or
   "BLIS 0.9.0 (serial, detected zen3)": the library's name and version come first. */
const char* bramble_blas_config(void);
/* The kernel set the library chose for this CPU: OpenBLAS's core ("Haswell"), BLIS's
   configuration ("zen3"). */
const char* bramble_blas_corename(void);
int bramble_blas_threads(void);
void bramble_blas_set_threads(int threads);

#ifdef __cplusplus
}
#endif

#endif
