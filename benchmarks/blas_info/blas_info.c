/* See blas_info.h. One of the two halves is compiled, as the build's BRAMBLE_BLAS says. */
#include "blas_info.h"

#ifdef BRAMBLE_BLAS_BLIS
#include <blis.h>
#include <stdio.h>

const char* bramble_blas_config(void) {
  /* Written once, before any rank reads it from more than one thread. */
  static char text[160];
  if (text[0] == '\0')
    snprintf(text, sizeof text, "BLIS %s (%s, detected %s)", bli_info_get_version_str(),
             bli_info_get_enable_threading() ? "threaded" : "serial", bli_arch_string(bli_arch_query_id()));
  return text;
}
const char* bramble_blas_corename(void) { return bli_arch_string(bli_arch_query_id()); }
int bramble_blas_threads(void) {
  const long n = (long)bli_thread_get_num_threads();
  return n < 1 ? 1 : (int)n; /* BLIS says -1 when nothing was set: it then runs one thread */
}
void bramble_blas_set_threads(int threads) { bli_thread_set_num_threads(threads); }

#else
#include <cblas.h>

const char* bramble_blas_config(void) { return openblas_get_config(); }
const char* bramble_blas_corename(void) { return openblas_get_corename(); }
int bramble_blas_threads(void) { return openblas_get_num_threads(); }
void bramble_blas_set_threads(int threads) { openblas_set_num_threads(threads); }
#endif
