#pragma once
// HPL's efficiency against the DGEMM rate its own ranks reach: HPL spends nearly all its
// flops in DGEMM, so a correct HPL on a matrix that fills much of memory reaches well over
// half of what DGEMM alone does on the same ranks. Far below
// that, something other than the arithmetic holds the run back: more ranks or BLAS threads
// than cores, a slow or congested network, throttling, an NB the BLAS dislikes. A figure
// that cannot say which is not one to compare.
//
// The rate is measured once per `bramble run hpl`, before the first case and outside every
// timed window: every rank multiplies 512 x 512 matrices at once (suite/dgemm_rate.hpp), with
// its own BLAS threads, for a quarter of a second (at least 3 products of 0.27 Gflop), and
// the ranks' best rates are summed. At n = 512 OpenBLAS is near its large-n rate (measured on
// this project's x86 VM: 48 Gflop/s a core at 512, 48-52 at 1536-2048); a best of many
// rides out a moment's disturbance. The time it took, setup included, is stored
// (dgemm_rate_seconds). --no-dgemm-rate skips it.
#include <mpi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "context/node_info.hpp"
#include "results/kernel_result.hpp"

namespace bramble {

inline constexpr int kDgemmRateN = 512;
inline constexpr int kDgemmRateReps = 3;           // timed products at least, after one untimed
inline constexpr double kDgemmRateSeconds = 0.25;  // and more while the timed ones add up to less

// Below this share of the DGEMM rate, a run big enough to judge gets a trust warning.
inline constexpr double kLowEfficiencyPercent = 50;
// Big enough to judge: the matrix fills at least this share of the nodes' total memory.
// HPL's efficiency rises with N (the N^3 of DGEMM grows away from the N^2 of panels and
// messages), so a --quick or small --n run is expected to be lower, and is only told so.
// bramble's default N (60 % of available memory) is well above it.
inline constexpr double kJudgedMemoryShare = 0.25;

struct RanksDgemmRate {
  double gflops = 0;           // summed over the ranks
  double rank_min_gflops = 0;  // the slowest rank's
  double seconds = 0;          // the measurement, slowest rank: what it added to the run
  int n = 0, reps = 0, ranks = 0;  // reps: timed products at least
  double min_seconds = 0;          // ... and more until they took this long
};

// Collective over `world`: every rank measures at once after a barrier.
RanksDgemmRate measure_ranks_dgemm(MPI_Comm world, int n = kDgemmRateN, int reps = kDgemmRateReps,
                                   double min_seconds = kDgemmRateSeconds);

// HPL's Gflop/s as a percentage of the DGEMM rate; NaN where either is not a positive number.
double efficiency_percent(double hpl_gflops, double dgemm_gflops);

// 8 N^2 bytes over the nodes' total memory; NaN when no node records its memory.
double matrix_memory_share(std::int64_t n, const std::vector<NodeInfo>& nodes);

// What to say about an efficiency: `warning` is a trust warning ("" when none is due),
// `note` is printed beside the figure (why a low figure is expected, or "").
struct EfficiencyVerdict {
  std::string warning, note;
};
EfficiencyVerdict judge_efficiency(const std::string& problem, double percent, double memory_share, bool quick);

// Adds the rate and the efficiency to an HPL case's result: figures dgemm_gflops,
// dgemm_gflops_rank_min, dgemm_efficiency_percent and dgemm_rate_seconds; parameters
// dgemm_rate_n, dgemm_rate_reps and dgemm_rate_min_seconds.
void add_dgemm_efficiency(KernelResult& r, const RanksDgemmRate& rate);

}  // namespace bramble
