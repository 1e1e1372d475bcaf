#include "adapters/hpl/hpl_output_format.hpp"

#include <cstdio>

namespace bramble {
namespace {

// HPL's BCAST numbers (HPL.dat's BCASTs line); bramble's Ibcast has none.
char bcast_code(hpl::BcastAlgo bcast) {
  switch (bcast) {
    case hpl::BcastAlgo::ring: return '0';
    case hpl::BcastAlgo::ring_modified: return '1';
    case hpl::BcastAlgo::two_ring: return '2';
    case hpl::BcastAlgo::two_ring_modified: return '3';
    case hpl::BcastAlgo::long_roll: return '4';
    case hpl::BcastAlgo::ibcast: return 'I';
  }
  return '?';
}

}  // namespace

std::string hpl_variant_code(hpl::GridOrder order, int depth, hpl::BcastAlgo bcast, int leaf_width) {
  return std::string("W") + (order == hpl::GridOrder::row_major ? 'R' : 'C') + std::to_string(depth) +
         bcast_code(bcast) + "R2R" + std::to_string(leaf_width);
}

std::string hpl_header_line() {
  return "T/V                N    NB     P     Q               Time                 Gflops";
}

std::string hpl_result_line(const std::string& variant, std::int64_t n, int nb, int p, int q, double seconds,
                            double gflops) {
  char line[256];
  std::snprintf(line, sizeof line, "%s%12lld %5d %5d %5d %18.2f     %18.4e", variant.c_str(),
                static_cast<long long>(n), nb, p, q, seconds, gflops);
  return line;
}

std::string hpl_residual_line(double scaled_residual, bool passed) {
  char line[160];
  std::snprintf(line, sizeof line, "||Ax-b||_oo/(eps*(||A||_oo*||x||_oo+||b||_oo)*N)= %16.8e ...... %s",
                scaled_residual, passed ? "PASSED" : "FAILED");
  return line;
}

}  // namespace bramble
