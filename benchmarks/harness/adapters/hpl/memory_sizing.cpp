#include "adapters/hpl/memory_sizing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/errors.hpp"
#include "core/format_units.hpp"
#include "hpl/dist_matrix.hpp"

namespace bramble {
std::int64_t n_from_memory(std::int64_t min_available_bytes, int nodes, double fraction, int nb) {
  const double bytes = double(min_available_bytes) * fraction * nodes;
  const auto n = static_cast<std::int64_t>(std::sqrt(bytes / sizeof(double)));
  return (n / nb) * nb;
}

double hpl_rank_bytes(std::int64_t n, int nb, int p, int q, int row, int col) {
  const hpl::BlockCyclic rows{n, nb, p, row}, cols{n + 1, nb, q, col};
  const double local_rows = double(std::max<std::int64_t>(1, rows.local_count()));
  const double matrix = local_rows * double(cols.local_count());  // as DistMatrix::local_bytes, in double
  const double panels = 2.0 * (double(rows.local_count()) + nb + 1) * nb;  // double-buffered
  const double u = double(nb) * double(cols.local_count());
  const double vectors = 3.0 * double(n);
  return double(sizeof(double)) * (matrix + panels + u + vectors);
}

void check_hpl_fits(const Topology& topology, std::int64_t n, int nb, int p, int q,
                    hpl::GridOrder order) {
  std::vector<double> need(static_cast<std::size_t>(topology.node_count()), 0.0);
  std::vector<double> need_nb1(need.size(), 0.0);  // the same with NB = 1: what N alone asks
  for (int rank = 0; rank < p * q; ++rank) {
    const int row = order == hpl::GridOrder::row_major ? rank / q : rank % p;
    const int col = order == hpl::GridOrder::row_major ? rank % q : rank / p;
    need[topology.node_of_rank(rank)] += hpl_rank_bytes(n, nb, p, q, row, col);
    need_nb1[topology.node_of_rank(rank)] += hpl_rank_bytes(n, 1, p, q, row, col);
  }
  for (int node = 0; node < topology.node_count(); ++node) {
    const NodeInfo& info = topology.nodes()[node];
    const double available = double(info.memory_available_bytes);
    if (need[node] <= available) continue;
    // Advice that fits the cause: where N alone would fit, the NB-wide panel and U buffers
    // (an NB far above N, say) are what does not.
    const std::string advice = need_nb1[node] <= available
                                   ? "NB=" + std::to_string(nb) + "'s panel buffers are what does not fit; choose a smaller --nb"
                                   : "choose a smaller --n or --mem-fraction";
    throw InputError("N=" + std::to_string(n) + " does not fit: node " + info.hostname + " (" +
                     std::to_string(info.ranks) + " rank(s)) needs " + gib(need[node]) + " but has " +
                     available_memory_text(info) + "; " + advice);
  }
}

}  // namespace bramble
