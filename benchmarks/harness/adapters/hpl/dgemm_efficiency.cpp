#include "adapters/hpl/dgemm_efficiency.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "core/format_units.hpp"
#include "suite/dgemm_rate.hpp"

namespace bramble {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string percent_text(double share) { return fixed(100 * share, 0) + " %"; }

}  // namespace

RanksDgemmRate measure_ranks_dgemm(MPI_Comm world, int n, int reps, double min_seconds) {
  MPI_Barrier(world);
  const auto t0 = std::chrono::steady_clock::now();
  const double mine = measure_dgemm(n, reps, min_seconds).gflops;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  RanksDgemmRate rate;
  rate.n = n;
  rate.reps = reps;
  rate.min_seconds = min_seconds;
  MPI_Comm_size(world, &rate.ranks);
  MPI_Allreduce(&mine, &rate.gflops, 1, MPI_DOUBLE, MPI_SUM, world);
  MPI_Allreduce(&mine, &rate.rank_min_gflops, 1, MPI_DOUBLE, MPI_MIN, world);
  MPI_Allreduce(&seconds, &rate.seconds, 1, MPI_DOUBLE, MPI_MAX, world);
  return rate;
}

double efficiency_percent(double hpl_gflops, double dgemm_gflops) {
  if (!(hpl_gflops > 0) || !(dgemm_gflops > 0) || !std::isfinite(hpl_gflops) || !std::isfinite(dgemm_gflops))
    return kNaN;
  return 100 * hpl_gflops / dgemm_gflops;
}

double matrix_memory_share(std::int64_t n, const std::vector<NodeInfo>& nodes) {
  double total = 0;
  for (const NodeInfo& node : nodes) total += double(node.memory_total_bytes);
  return total > 0 ? 8.0 * double(n) * double(n) / total : kNaN;
}

EfficiencyVerdict judge_efficiency(const std::string& problem, double percent, double memory_share, bool quick) {
  EfficiencyVerdict v;
  // HPL's flops are DGEMM's and more: above the rate, that rate was measured low (the machine
  // was busy for that quarter second, or its clocks rose later), not HPL fast.
  if (percent > 100)
    v.note = "over 100 %: the DGEMM rate was measured low (a busy machine, or clocks that rose later)";
  if (std::isnan(percent) || percent >= kLowEfficiencyPercent) return v;
  if (quick) {
    v.note = "a --quick size: HPL's efficiency is expected to be low at this size";
    return v;
  }
  if (!(memory_share >= kJudgedMemoryShare)) {
    v.note = "N fills " + (std::isnan(memory_share) ? std::string("an unknown share") : percent_text(memory_share)) +
             " of memory, under the " + percent_text(kJudgedMemoryShare) +
             " bramble judges: HPL's efficiency is expected to be low at this size";
    return v;
  }
  v.warning = "hpl " + problem + " reached " + fixed(percent, 1) + " % of the DGEMM rate of its own ranks, under the " +
              fixed(kLowEfficiencyPercent, 0) + " % a correct HPL reaches with N filling " + percent_text(memory_share) +
              " of memory, so something other than the arithmetic held it back: look for more ranks or BLAS threads "
              "than cores, a slow or busy network, throttling, or an NB the BLAS dislikes";
  return v;
}

void add_dgemm_efficiency(KernelResult& r, const RanksDgemmRate& rate) {
  r.figures.push_back({"dgemm_gflops", rate.gflops});
  r.figures.push_back({"dgemm_gflops_rank_min", rate.rank_min_gflops});
  r.figures.push_back({"dgemm_efficiency_percent", efficiency_percent(r.figure_of_merit, rate.gflops)});
  r.figures.push_back({"dgemm_rate_seconds", rate.seconds});
  r.parameters.push_back({"dgemm_rate_n", std::int64_t{rate.n}});
  r.parameters.push_back({"dgemm_rate_reps", std::int64_t{rate.reps}});
  r.parameters.push_back({"dgemm_rate_min_seconds", rate.min_seconds});
}

}  // namespace bramble
