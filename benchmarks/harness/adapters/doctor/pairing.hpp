#pragma once
// Which pairs of nodes measure their link when: a round-robin tournament (the "circle
// method"). Every unordered pair of nodes meets exactly once, and within a round no node is
// in two pairs, so the pairs of one round can measure at the same time without two of them
// sharing a node's link. K nodes take K-1 rounds when K is even; when K is odd, K rounds,
// with a different node sitting out each round.
#include <utility>
#include <vector>

namespace bramble::doctor {

using Pair = std::pair<int, int>;  // (lower node, higher node)
using Round = std::vector<Pair>;

std::vector<Round> round_robin(int nodes);

// The same pairs, one per round: for nodes that share a machine, where pairs measuring at
// once would share its cores rather than test their own links.
std::vector<Round> one_pair_per_round(const std::vector<Round>& rounds);

}  // namespace bramble::doctor
