#pragma once
// A case's result in HPL 2.3's own output format, so that it can sit next to real HPL output
// (and the scripts that read it):
//
//   T/V                N    NB     P     Q               Time                 Gflops
//   WR11R2R16        6000   192     1     2               4.12             3.4951e+01
//   ||Ax-b||_oo/(eps*(||A||_oo*||x||_oo+||b||_oo)*N)=   3.80355268e-03 ...... PASSED
//
// The columns are HPL's: N right-aligned in 12 after the code, NB, P and Q in 5 after a
// space, the time with 2 decimals and the Gflop/s with 4 decimals of mantissa, in 19 and 23.
// A code longer than HPL's 8 characters (a leaf width of 10 or more) shifts the line right
// by as much, as an NBMIN of 10 or more does in HPL's own output.
//
// The T/V code is HPL's "W" (wall time) and encoded variant, filled in with what bramble's
// LU does, so that it says the truth to someone who can read HPL's codes:
//   PMAP  R or C     the process grid's order (HPL.dat's PMAP);
//   DEPTH 0-4        the look-ahead depth;
//   BCAST 0-4        HPL's number of the panel broadcast (1ring 0, 1ringM 1, 2ring 2,
//                    2ringM 3, long 4); "I" for MPI's own Ibcast, which HPL has no number for;
//   RFACT R, NDIV 2  the panel is split in two and factored right-looking, recursively
//                    (hpl/panel_factor.hpp);
//   PFACT R, NBMIN   the leaves are factored right-looking, column by column, at the leaf
//                    width (--leaf, 16 by default: two digits, as HPL prints an NBMIN of 16).
// It is not an official HPL run: the figures are bramble's (HPL-style) and are labelled so
// wherever bramble ranks them against real HPL results.
#include <cstdint>
#include <string>
#include <vector>

#include "hpl/bcast_schedule.hpp"
#include "hpl/process_grid.hpp"

namespace bramble {

std::string hpl_variant_code(hpl::GridOrder order, int depth, hpl::BcastAlgo bcast, int leaf_width);

std::string hpl_header_line();
std::string hpl_result_line(const std::string& variant, std::int64_t n, int nb, int p, int q, double seconds,
                            double gflops);
std::string hpl_residual_line(double scaled_residual, bool passed);

}  // namespace bramble
