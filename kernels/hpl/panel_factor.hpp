#pragma once
// Panel factorisation: LU with partial pivoting of an (N - j0) x jb column panel that is
// spread over the P processes of one process column.
#include <cstdint>

#include "hpl/panel.hpp"

namespace bramble::hpl {

// Factors the panel in place, recursively (split the columns in two, factor the left half,
// update the right half with a triangular solve and a DGEMM, factor the right half), down
// to leaves of at most `leaf_width` columns done one column at a time. Recursion keeps
// almost all the work in DGEMM, which is why HPL does it too.
//
// On return, every process of the column holds in `top` (jb x jb, column-major) the
// factored diagonal block (unit L below the diagonal, U on and above it) and in `ipiv`
// the global row swapped with each row j0+i. Returns false if a zero pivot was met.
bool factor_panel(Panel& panel, double* top, std::int64_t* ipiv, int leaf_width = 16);

}  // namespace bramble::hpl
