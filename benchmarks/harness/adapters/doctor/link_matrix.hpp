#pragma once
// The link matrix: latency and bandwidth between every pair of nodes, both directions,
// measured by the nodes' leaders only (a link belongs to a node, not to a rank). Pairs meet
// in the rounds of pairing.hpp; a round starts when the previous one has ended everywhere,
// so no two measurements share a node's link. For each pair (a, b), in turn:
//   latency   - a ping-pong of 8-byte messages started by a, then one started by b:
//               half the median round trip, after a few untimed ones;
//   bandwidth - a sends b `message_reps` messages, each answered by an empty ack, after one
//               untimed; bytes over the time to the last ack. Then b sends a the same.
// The receiver checks the last message byte for byte: a link that corrupts data fails.
#include <mpi.h>

#include <vector>

#include "adapters/doctor/pairing.hpp"

namespace bramble::doctor {

struct LinkPlan {
  int round_trips = 100;       // latency, timed
  int message_bytes = 4 << 20;
  int message_reps = 3;        // bandwidth, timed
  // Testing only (hidden --pretend-slow-link): transfers to and from this node send each
  // message ten times over but count it once, so its link looks ten times slower. -1: none.
  int slow_node = -1;
};

struct LinkMatrix {
  int nodes = 0;
  std::vector<double> mbs;         // nodes x nodes, row sends to column; NaN on the diagonal
  std::vector<double> latency_us;  // one way, from the ping-pong the row started
  bool payload_ok = true;          // every checked message arrived intact
  double seconds = 0;              // the whole matrix, wall time
};

// Collective over `leaders` (node i is its rank i). The matrix is complete on rank 0.
LinkMatrix measure_links(MPI_Comm leaders, const std::vector<Round>& rounds, const LinkPlan& plan);

// Each node's summary: the median over its pairs, both directions, of a matrix's entries.
std::vector<double> per_node_median(const std::vector<double>& matrix, int nodes);

}  // namespace bramble::doctor
