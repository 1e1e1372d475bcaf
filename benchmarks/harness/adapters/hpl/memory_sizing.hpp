#pragma once
// Sizing HPL's N from memory, and checking that a chosen N fits before allocating it.
#include <cstdint>

#include "hpl/process_grid.hpp"
#include "context/topology.hpp"

namespace bramble {

// HPL's rule of thumb, made safe for mixed clusters: the smallest node's available memory
// times `fraction`, times the node count, is the matrix; N is rounded down to a multiple
// of NB. (A 4 GB Pi next to an 8 GB one must not be asked for 8 GB's share.)
std::int64_t n_from_memory(std::int64_t min_available_bytes, int nodes, double fraction, int nb);

// Bytes one rank at grid position (row, col) needs for N, NB: the matrix share plus
// panel and U work buffers. A double: for the largest N allowed (kMaxHplN) the matrix
// share is beyond int64, and the check must say "does not fit" rather than wrap.
double hpl_rank_bytes(std::int64_t n, int nb, int p, int q, int row, int col);

// Throws InputError naming the first node whose ranks need more than it has available.
void check_hpl_fits(const Topology& topology, std::int64_t n, int nb, int p, int q,
                    hpl::GridOrder order);

}  // namespace bramble
