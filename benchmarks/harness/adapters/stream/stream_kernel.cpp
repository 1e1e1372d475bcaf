#include "adapters/stream/stream_kernel.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <new>
#include <numeric>
#include <sstream>
#include <vector>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/format_units.hpp"
#include "core/sysfs.hpp"
#include "stream/stream.hpp"
#include "suite/option_checks.hpp"

namespace bramble {

namespace {

using stream::kOpCount;
constexpr auto kOps = stream::kOps;
constexpr std::array<const char*, 3> kCacheSources{"unknown", "sysconf", "sysfs"};

// Nodes may differ; the largest cache sizes N for all, so that no rank runs from cache. Size
// and source travel packed, so one MAX picks the largest size and, on a tie, the better source.
LastLevelCache largest_cache(MPI_Comm world, const LastLevelCache& mine) {
  const auto found = std::find(kCacheSources.begin(), kCacheSources.end(), mine.source);
  std::int64_t packed = mine.bytes * 4 + (found == kCacheSources.end() ? 0 : found - kCacheSources.begin());
  MPI_Allreduce(MPI_IN_PLACE, &packed, 1, MPI_INT64_T, MPI_MAX, world);
  return {packed / 4, kCacheSources[static_cast<std::size_t>(packed % 4)]};
}

// A node that cannot give the memory after all fails for everyone.
stream::Arrays allocate_arrays(MPI_Comm world, std::int64_t n) {
  stream::Arrays x;
  agree(world, [&] {
    try {
      x = stream::Arrays(static_cast<std::size_t>(n));
    } catch (const std::bad_alloc&) {
      throw InputError("cannot allocate the STREAM arrays for N=" + std::to_string(n) + "/rank on this node");
    }
  });
  return x;
}

struct Measured {
  std::vector<double> op_seconds;      // this rank: timed iterations x kernels
  std::vector<double> window_seconds;  // each timed iteration's window (stop_timed: slowest rank)
  stream::Errors errors;               // this rank's worst over blocks; NaN shown as +inf
  int blocks = 0;
};

double barrier_then_now(MPI_Comm world) {
  MPI_Barrier(world);
  return MPI_Wtime();
}

// The barrier before each kernel starts every rank together, so the ranks of a node compete
// for its memory as they would in an application. The first iteration is untimed (as
// STREAM's statistics skip it): page faults, TLB and cache warm-up land there.
void run_block(const RunContext& ctx, const StreamCase& c, stream::Arrays& x, Measured& m) {
  stream::initialise(x.a.get(), x.b.get(), x.c.get(), x.n);
  for (int k = 0; k < c.iterations; ++k) {
    const bool timed = k > 0;
    const double window_t0 = timed ? ctx.start_timed() : barrier_then_now(ctx.world);
    for (int op = 0; op < kOpCount; ++op) {
      const double t0 = op == 0 ? window_t0 : barrier_then_now(ctx.world);
      stream::run(kOps[op], x.a.get(), x.b.get(), x.c.get(), stream::kScalar, x.n);
      if (timed) m.op_seconds.push_back(MPI_Wtime() - t0);
    }
    if (timed) m.window_seconds.push_back(ctx.stop_timed(window_t0));
  }
  // MPI_MAX need not propagate NaN; +inf keeps the worst error visible.
  auto visible = [](double e) { return std::isnan(e) ? std::numeric_limits<double>::infinity() : e; };
  const stream::Errors e = stream::check(x.a.get(), x.b.get(), x.c.get(), x.n, c.iterations);
  m.errors = {std::max(m.errors.a, visible(e.a)), std::max(m.errors.b, visible(e.b)),
              std::max(m.errors.c, visible(e.c))};
  ++m.blocks;
}

// --min-phase-seconds repeats whole blocks rather than iterations: the recurrence multiplies
// `a` by 15 per iteration, so one endless block would overflow after 261 of them
// (stream::kMaxSequences, which also caps --stream-iterations).
Measured measure(const RunContext& ctx, const StreamCase& c, stream::Arrays& x) {
  Measured m;
  do run_block(ctx, c, x, m);
  while (ctx.extend_timed());
  std::array<double, 3> err{m.errors.a, m.errors.b, m.errors.c};
  MPI_Allreduce(MPI_IN_PLACE, err.data(), 3, MPI_DOUBLE, MPI_MAX, ctx.world);
  m.errors = {err[0], err[1], err[2]};  // now the worst rank's
  return m;
}

struct Figures {
  std::array<stream::IterationStats, kOpCount> total;  // seconds, all ranks together
  std::array<double, kOpCount> total_gbs{};
  std::vector<double> node_triad_gbs;                  // each node's ranks together
  double all_ops_gbs = 0;                              // every timed window, for per-watt figures
};

Figures figures(const RunContext& ctx, const StreamCase& c, const Measured& m) {
  const int ranks = comm_size(ctx.world);
  stream::Timings t{ranks, static_cast<int>(m.window_seconds.size()), {}};
  t.seconds.resize(m.op_seconds.size() * static_cast<std::size_t>(ranks));
  MPI_Allgather(m.op_seconds.data(), static_cast<int>(m.op_seconds.size()), MPI_DOUBLE, t.seconds.data(),
                static_cast<int>(m.op_seconds.size()), MPI_DOUBLE, ctx.world);
  // A rate over a time below the clock's resolution would be infinite; floor it there.
  const double tick = MPI_Wtick();
  auto gbs = [&](double bytes, double seconds) { return bytes / std::max(seconds, tick) / 1e9; };
  auto bytes = [&](stream::Op op) { return double(stream::bytes_moved(op, c.n)); };
  constexpr stream::Op triad = stream::Op::triad;

  Figures f;
  for (int op = 0; op < kOpCount; ++op) {
    f.total[op] = stream::together(t, kOps[op]);
    f.total_gbs[op] = gbs(bytes(kOps[op]) * ranks, f.total[op].best);
  }
  const Topology& topo = *ctx.topology;
  for (int node = 0; node < topo.node_count(); ++node) {
    std::vector<int> members;
    for (int r = 0; r < ranks; ++r)
      if (topo.node_of_rank(r) == node) members.push_back(r);
    f.node_triad_gbs.push_back(gbs(bytes(triad) * double(members.size()), stream::together(t, triad, members).best));
  }
  double per_iteration = 0;
  for (stream::Op op : kOps) per_iteration += bytes(op) * ranks;
  const double windows = std::accumulate(m.window_seconds.begin(), m.window_seconds.end(), 0.0);
  f.all_ops_gbs = gbs(per_iteration * double(t.iterations), windows);
  return f;
}

KernelResult make_result(const RunContext& ctx, const StreamCase& c, const Measured& m, const Figures& f) {
  const int ranks = comm_size(ctx.world);
  KernelResult r;
  r.kernel = "stream";
  r.problem = "N=" + std::to_string(c.n) + "/rank x " + std::to_string(ranks) + (ranks == 1 ? " rank" : " ranks");
  r.ranks = ranks;
  r.passed = stream::passes(m.errors);
  r.rep_seconds = m.window_seconds;
  r.figure_name = "triad_gbs";
  r.unit = "GB/s";
  r.figure_of_merit = f.total_gbs[static_cast<int>(stream::Op::triad)];
  for (int op = 0; op < kOpCount; ++op)
    r.figures.push_back({std::string(stream::kOpNames[op]) + "_gbs", f.total_gbs[op]});
  for (std::size_t node = 0; node < f.node_triad_gbs.size(); ++node)
    r.figures.push_back({"node" + std::to_string(node) + "_triad_gbs", f.node_triad_gbs[node]});
  // Each array against the last-level cache (results/comparison_validity.hpp); 0: cache unknown.
  if (c.llc_per_rank > 0)
    r.figures.push_back({"cache_multiple", double(c.n) * sizeof(double) / double(c.llc_per_rank)});
  r.phase_work = KernelResult::PhaseWork{"gbs_all_ops", "GB/s", f.all_ops_gbs};
  r.parameters = {{"n_per_rank", c.n},
                  {"iterations", std::int64_t{c.iterations}},
                  {"blocks", std::int64_t{m.blocks}},
                  {"bytes_per_rank", stream::array_bytes(c.n)},
                  {"llc_bytes", c.llc.bytes},
                  {"llc_source", c.llc.source},
                  {"llc_node_bytes_per_rank", c.llc_per_rank},
                  {"scalar", stream::kScalar}};
  r.verification = {{"a_avg_rel_error", m.errors.a},
                    {"b_avg_rel_error", m.errors.b},
                    {"c_avg_rel_error", m.errors.c},
                    {"threshold", stream::kThreshold},
                    {"sequences", std::int64_t{c.iterations}},
                    {"formula", std::string("mean_j |x_j - x_expected| / |x_expected|, worst rank; x_expected "
                                            "replays the scalar recurrence")}};
  std::vector<double> summed(kOpCount, 0.0);
  for (std::size_t i = 0; i < m.op_seconds.size(); ++i) summed[i % kOpCount] += m.op_seconds[i];
  ctx.record_phases(r, {stream::kOpNames.begin(), stream::kOpNames.end()},
                    "seconds, each rank's own kernel times summed over all timed iterations", summed);
  return r;
}

// STREAM's own table, as its users (and benchmarks/compare/*.sh) read it.
void print_table(const RunContext& ctx, const StreamCase& c, const Measured& m, const KernelResult& r,
                 const Figures& f) {
  const std::int64_t array_bytes = c.n * static_cast<std::int64_t>(sizeof(double));
  std::printf("stream %s: 3 arrays of %s per rank, last-level cache %s (%s; a node's caches come to %s per "
              "rank), %d iterations (first untimed)\n",
              r.problem.c_str(), mib(double(array_bytes)).c_str(),
              c.llc.bytes > 0 ? mib(double(c.llc.bytes)).c_str() : "unknown", c.llc.source.c_str(),
              c.llc_per_rank > 0 ? mib(double(c.llc_per_rank)).c_str() : "unknown", c.iterations);
  if (array_bytes < kStreamCacheMultiple * c.llc_per_rank)
    std::printf("stream: note: arrays under %dx the last-level cache; caches inflate these rates\n",
                kStreamCacheMultiple);
  std::printf("Function    Best Rate GB/s  Avg time     Min time     Max time   "
              "(all ranks; per iteration the slowest rank)\n");
  for (int op = 0; op < kOpCount; ++op) {
    std::string label = stream::kOpNames[op];
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    std::printf("%-10s%16.3f  %11.6f  %11.6f  %11.6f\n", (label + ':').c_str(), f.total_gbs[op], f.total[op].mean,
                f.total[op].best, f.total[op].worst);
  }
  const Topology& topo = *ctx.topology;
  if (topo.node_count() > 1)
    for (int node = 0; node < topo.node_count(); ++node)
      std::printf("stream: node %d (%s, %d rank(s)): triad %.3f GB/s\n", node,
                  topo.nodes()[static_cast<std::size_t>(node)].hostname.c_str(),
                  topo.nodes()[static_cast<std::size_t>(node)].ranks, f.node_triad_gbs[static_cast<std::size_t>(node)]);
  std::printf("stream: all four kernels over every timed window (per-watt basis): %.3f GB/s\n", f.all_ops_gbs);
  std::printf("stream verification: avg relative error a %.3g, b %.3g, c %.3g (threshold %.0e) ... %s\n",
              m.errors.a, m.errors.b, m.errors.c, stream::kThreshold, r.verdict().c_str());
  std::fflush(stdout);
}

}  // namespace

void StreamKernel::add_options(CLI::App& sub) {
  sub.add_option("--stream-n", opt_.n,
                 "Elements per array per rank (default: over each node's ranks 4x its last-level caches, at least 10,000,000, "
                 "with all ranks of a node within 40% of its available memory)")
      ->check(whole_number<std::int64_t>(1, std::int64_t{1} << 40));
  sub.add_option("--stream-iterations", opt_.iterations,
                 "Iterations K of copy, scale, add, triad; the first is untimed (default 10, 5 with --quick; "
                 "at most 261, beyond which the values overflow and cannot be verified)")
      ->check(whole_number<int>(2, stream::kMaxSequences));
}

StreamCase StreamKernel::plan(const RunContext& ctx) const {
  StreamCase c;
  c.iterations = opt_.iterations > 0 ? opt_.iterations : ctx.quick ? kStreamQuickIterations : kStreamIterations;
  const LastLevelCache mine = last_level_cache();
  c.llc = largest_cache(ctx.world, mine);
  // STREAM's rule is about all the caches a run uses: each array, over a node's ranks, at
  // least 4x the node's last-level caches together. Per rank, the node's total over its ranks.
  c.llc_per_rank = mine.node_bytes / std::max(ctx.topology->nodes()[std::size_t(ctx.topology->my_node())].ranks, 1);
  MPI_Allreduce(MPI_IN_PLACE, &c.llc_per_rank, 1, MPI_INT64_T, MPI_MAX, ctx.world);
  agree(ctx.world, [&] {
    c.n = opt_.n;
    if (c.n == 0) {
      const std::int64_t cap = stream_max_n_by_memory(*ctx.topology, kStreamMemFraction);
      if (cap < 1) throw InputError("no memory to size the STREAM arrays from; give --stream-n");
      c.n = stream_default_n(c.llc_per_rank, cap, ctx.quick);
    }
    check_stream_fits(*ctx.topology, c.n);
  });
  return c;
}

void StreamKernel::run(RunContext& ctx) {
  if (!case_) prepare(ctx);
  const StreamCase c = *case_;
  stream::Arrays arrays = allocate_arrays(ctx.world, c.n);
  const Measured measured = measure(ctx, c, arrays);
  arrays = {};  // the memory goes back before the suite writes results
  const Figures f = figures(ctx, c, measured);
  const KernelResult r = make_result(ctx, c, measured, f);
  if (comm_rank(ctx.world) == 0) print_table(ctx, c, measured, r, f);
  ctx.record(r);
}

}  // namespace bramble
