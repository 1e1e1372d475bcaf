#include "comparison/weak_load.hpp"

#include <algorithm>
#include <vector>

#include "core/format_units.hpp"

namespace bramble {
namespace {

// Rounding N to a whole number, or to a multiple of NB as older scaling.sh runs did, moves
// the flops per rank by a few percent at small N (5% at N=400, NB=32); a study sized to hold
// them constant stays within this, one sized as sqrt(p) leaves it at 2 ranks (41%).
constexpr double kLargestSpread = 1.10;

// HPL's operation count, as its Gflop/s figure counts it.
double hpl_flops(double n) { return 2.0 / 3.0 * n * n * n + 1.5 * n * n; }

double spread(const std::vector<double>& v) {
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  return *hi / *lo;
}

std::string ranks_text(int n) { return std::to_string(n) + (n == 1 ? " rank" : " ranks"); }

}  // namespace

WeakLoad weak_load(const ScalingGroup& g) {
  WeakLoad load;
  if (g.kernel != "hpl" || g.points.empty()) return load;
  std::vector<double> work, memory;  // per rank, in the order of the points (ascending ranks)
  for (const ScalingPoint& p : g.points) {
    const double n = to_number(find_value(p.result.parameters, "n"), 0);
    if (!(n > 0) || p.ranks < 1) return load;  // no size recorded: nothing to judge it by
    work.push_back(hpl_flops(n) / p.ranks);
    memory.push_back(n * n / p.ranks);
  }
  if (spread(work) <= kLargestSpread) return load;
  load.work_constant = false;
  load.held = spread(memory) <= kLargestSpread ? "memory per rank held constant (N^2/p), not work"
                                               : "neither work nor memory per rank held constant";
  const double change = work.back() / work.front();
  load.work_change = "the flops per rank (2/3 N^3 + 3/2 N^2, over p) " +
                     std::string(change >= 1 ? "grew " : "shrank to ") + fixed(change, 2) + "x from " +
                     std::to_string(g.points.front().ranks) + " to " + ranks_text(g.points.back().ranks);
  return load;
}

}  // namespace bramble
