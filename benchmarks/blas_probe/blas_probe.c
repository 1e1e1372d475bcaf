/* Prints the core OpenBLAS chose for this process: with OPENBLAS_CORETYPE unset, the one it
   detects on this CPU. See benchmarks/blas_probe/CMakeLists.txt. */
#include "blas_info.h"
#include <stdio.h>

int main(void) {
  const char* core = bramble_blas_corename();
  if (core == NULL || core[0] == '\0') return 1;
  return printf("%s\n", core) < 0 ? 1 : 0;
}
