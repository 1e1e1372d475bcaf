#include "adapters/doctor/pairing.hpp"

#include <algorithm>
#include <numeric>

namespace bramble::doctor {

// Seat the nodes round a table: node 0 stays put, the others move one seat on each round,
// and each seat plays the seat opposite. An odd count gets an empty seat (a bye).
std::vector<Round> round_robin(int nodes) {
  if (nodes < 2) return {};
  const int seats = nodes % 2 == 0 ? nodes : nodes + 1;
  const int bye = nodes;  // only seated when nodes is odd
  std::vector<int> seat(static_cast<std::size_t>(seats));
  std::iota(seat.begin(), seat.end(), 0);
  std::vector<Round> rounds;
  for (int r = 0; r < seats - 1; ++r) {
    Round round;
    for (int i = 0; i < seats / 2; ++i) {
      const int a = seat[static_cast<std::size_t>(i)], b = seat[static_cast<std::size_t>(seats - 1 - i)];
      if (a != bye && b != bye) round.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(round.begin(), round.end());
    rounds.push_back(std::move(round));
    std::rotate(seat.begin() + 1, seat.end() - 1, seat.end());  // everyone but seat 0 moves on
  }
  return rounds;
}

std::vector<Round> one_pair_per_round(const std::vector<Round>& rounds) {
  std::vector<Round> single;
  for (const Round& round : rounds)
    for (const Pair& p : round) single.push_back({p});
  return single;
}

}  // namespace bramble::doctor
