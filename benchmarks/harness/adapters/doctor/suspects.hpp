#pragma once
// Naming a node only on evidence that noise does not make. A busy moment (a cron job, a
// compile, a switch's hiccup) slows whatever is measured at that moment; it never makes a
// link or a core faster. So the doctor measures, finds the suspects (the nodes the
// diagnosis' rules would name), measures the suspects again, and keeps each figure's best
// over the measurements: a node is named only when even its best figures are outliers,
// up to kMaxMeasurements measurements in all. Pure, so it is tested on recorded figures.
#include <vector>

#include "adapters/doctor/link_matrix.hpp"
#include "adapters/doctor/node_figures.hpp"

namespace bramble::doctor {

inline constexpr int kMaxMeasurements = 3;  // the first and at most two re-measurements

// Nodes whose link or latency (each node's median over its pairs, both ways) breaks the
// diagnosis' rules on this matrix, in node order.
std::vector<int> link_suspects(const LinkMatrix& links);

// Nodes whose DGEMM, triad or disk figure breaks the diagnosis' rules (nodes on separate
// machines; on one machine these figures are not compared at all).
std::vector<int> hardware_suspects(const std::vector<NodeFigures>& nodes);

// The evidence about the links so far: each cell's best over the measurements, how many
// measurements there were, and after how many of them each node was still a suspect.
struct LinkEvidence {
  LinkMatrix best;
  int measurements = 0;
  std::vector<int> suspect_after;  // per node
};

// Adds a measurement (of every pair, or of the suspects' pairs only) and returns the
// suspects on the best figures so far: the nodes to measure again, or, after the last
// measurement, the nodes the diagnosis will name.
std::vector<int> add_measurement(LinkEvidence& evidence, const LinkMatrix& again);

// The whole procedure on measurements made in advance (recorded ones, in tests): they are
// used in order while suspects remain, at most kMaxMeasurements of them. The node figures
// get their link, latency and evidence fields from it.
LinkEvidence judge_links(const std::vector<LinkMatrix>& measurements);
void set_link_figures(std::vector<NodeFigures>& nodes, const LinkEvidence& evidence);

// Each node's DGEMM, triad and disk figures: the better of the two probes (temperature,
// clock and throttle state stay the latest's). Wrong answers from either are kept.
void keep_best(std::vector<NodeFigures>& best, const std::vector<NodeFigures>& again);

}  // namespace bramble::doctor
