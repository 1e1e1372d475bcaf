#pragma once
// The link matrix: latency and bandwidth between every pair of nodes, both directions,
// measured by the nodes' leaders only (a link belongs to a node, not to a rank). Pairs meet
// in the rounds of pairing.hpp; a round starts when the previous one has ended everywhere,
// so no two measurements share a node's link. For each pair (a, b), in turn:
//   latency   - a ping-pong of 8-byte messages started by a, then one started by b, after a
//               few untimed ones: half the round trip's best, P50, P90 and P99 (the
//               percentiles as OSU's -z reports them);
//   bandwidth - a sends b `message_reps` messages, each answered by an empty ack, after one
//               untimed; each message timed to its ack, the best kept. Then b sends a the same.
// The doctor judges the best round trip and the best message (diagnosis.hpp): a busy moment
// only ever adds time, so the best is the link's own figure, while the P50 and the tail show
// the noise and the median is what an application sees.
// The receiver checks the last message byte for byte: a link that corrupts data fails.
#include <mpi.h>

#include <vector>

#include "adapters/doctor/pairing.hpp"

namespace bramble::doctor {

struct LinkPlan {
  int round_trips = 100;       // latency, timed
  int message_bytes = 4 << 20;
  int message_reps = 3;        // bandwidth, timed
  // Testing only (hidden --pretend-slow-link): transfers to and from this node are held to
  // 12.5 MB/s, a 100 Mbit/s link's rate (each message waits until that rate allows it), so its
  // link is slow however busy the machine is, as a real one would be. -1: none.
  int slow_node = -1;
};

struct LinkMatrix {
  int nodes = 0;
  std::vector<double> mbs;         // nodes x nodes, row sends to column; NaN on the diagonal
  std::vector<double> latency_us;  // one way, P50 of the ping-pong the row started
  std::vector<double> latency_best_us, latency_p90_us, latency_p99_us;  // its best and its tail
  bool payload_ok = true;          // every checked message arrived intact
  double seconds = 0;              // the whole matrix, wall time
};

// Merges a later measurement of (some of) the same pairs into `best`, cell by cell: the
// higher bandwidth, the lower latency (each percentile apart). Noise only ever slows a link,
// so the best of several measurements is the link's own figure (for the percentiles too: the
// least disturbed measurement's); a pair not measured again
// (NaN) keeps what it had. Times and payload checks add up.
void keep_best(LinkMatrix& best, const LinkMatrix& again);

// The rounds' pairs that include one of `nodes`, in the same order; empty rounds dropped.
std::vector<Round> pairs_with(const std::vector<Round>& rounds, const std::vector<int>& nodes);

// Collective over `leaders` (node i is its rank i). The matrix is complete on rank 0.
LinkMatrix measure_links(MPI_Comm leaders, const std::vector<Round>& rounds, const LinkPlan& plan);

// Each node's summary: the median over its pairs, both directions, of a matrix's entries.
std::vector<double> per_node_median(const std::vector<double>& matrix, int nodes);

}  // namespace bramble::doctor
