#pragma once
// The one LAPACK routine the tests use, from OpenBLAS (which bundles LAPACK).
extern "C" void dgesv_(const int* n, const int* nrhs, double* a, const int* lda, int* ipiv,
                       double* b, const int* ldb, int* info);
