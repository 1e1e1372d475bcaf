#include "adapters/stream/stream_kernel.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <new>
#include <sstream>
#include <vector>

#include "core/collective.hpp"
#include "core/format_units.hpp"
#include "core/comm_info.hpp"
#include "stream/stream.hpp"

namespace bramble {
namespace {

using stream::kOpCount;
constexpr auto kOps = stream::kOps;

std::string read_trimmed(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string problem_text(std::int64_t n, int ranks) {
  return "N=" + std::to_string(n) + "/rank x " + std::to_string(ranks) + (ranks == 1 ? " rank" : " ranks");
}

// The arrays, 64-byte aligned (a cache line, and any vector width) so that every rank's
// loops start on a line boundary; uninitialised, so the first touch is STREAM's own.
struct FreeDeleter {
  void operator()(double* p) const { std::free(p); }
};
using Array = std::unique_ptr<double[], FreeDeleter>;

Array allocate(std::int64_t n) {
  constexpr std::uint64_t kAlign = 64;
  const std::uint64_t bytes = (static_cast<std::uint64_t>(n) * sizeof(double) + kAlign - 1) / kAlign * kAlign;
  if (bytes > std::numeric_limits<std::size_t>::max()) throw std::bad_alloc();
  void* p = std::aligned_alloc(kAlign, static_cast<std::size_t>(bytes));
  if (!p) throw std::bad_alloc();
  return Array(static_cast<double*>(p));
}

}  // namespace

std::int64_t parse_cache_size(const std::string& text) {
  std::istringstream in(text);
  std::int64_t value = 0;
  if (!(in >> value) || value < 0) return 0;
  char unit = 0;
  in >> unit;
  switch (unit) {
    case 0: return value;
    case 'K': case 'k': return value << 10;
    case 'M': case 'm': return value << 20;
    case 'G': case 'g': return value << 30;
    default: return 0;
  }
}

std::int64_t last_level_cache_bytes(const std::string& root) {
  namespace fs = std::filesystem;
  const fs::path dir = root + "/sys/devices/system/cpu/cpu0/cache";
  std::error_code ec;
  int best_level = 0;
  std::int64_t best_size = 0;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("index", 0) != 0) continue;
    if (read_trimmed(it->path() / "type") == "Instruction") continue;
    const std::int64_t size = parse_cache_size(read_trimmed(it->path() / "size"));
    int level = 0;
    std::istringstream(read_trimmed(it->path() / "level")) >> level;
    if (size <= 0 || level <= 0) continue;
    if (level > best_level || (level == best_level && size > best_size)) {
      best_level = level;
      best_size = size;
    }
  }
  return best_size;
}

std::int64_t stream_max_n_by_memory(const Topology& topology, double fraction) {
  std::int64_t n = std::numeric_limits<std::int64_t>::max();
  for (const NodeInfo& node : topology.nodes()) {
    const double per_rank = double(node.memory_available_bytes) * fraction / std::max(node.ranks, 1);
    n = std::min(n, static_cast<std::int64_t>(per_rank / double(stream::array_bytes(1))));
  }
  return n;
}

std::int64_t stream_default_n(std::int64_t llc_bytes, std::int64_t max_n_by_memory, bool quick) {
  const std::int64_t by_cache = kStreamCacheMultiple * llc_bytes / static_cast<std::int64_t>(sizeof(double));
  const std::int64_t n = std::max(quick ? kStreamQuickMinN : kStreamMinN, by_cache);
  return std::min(n, max_n_by_memory);
}

void check_stream_fits(const Topology& topology, std::int64_t n) {
  for (const NodeInfo& node : topology.nodes()) {
    const double need = double(node.ranks) * double(stream::array_bytes(1)) * double(n);
    if (need > double(node.memory_available_bytes))
      throw InputError("N=" + std::to_string(n) + "/rank does not fit: node " + node.hostname + " (" +
                       std::to_string(node.ranks) + " rank(s), 3 arrays each) needs " + gib(need) +
                       " but has " + gib(double(node.memory_available_bytes)) +
                       " available; choose a smaller --stream-n");
  }
}

void StreamKernel::add_options(CLI::App& sub) {
  sub.add_option("--stream-n", opt_.n,
                 "Elements per array per rank (default: 4x the last-level cache, at least 10,000,000, "
                 "with all ranks of a node within 40% of its available memory)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
  sub.add_option("--stream-iterations", opt_.iterations,
                 "Iterations K of copy, scale, add, triad; the first is untimed (default 10, 5 with --quick)")
      ->check(CLI::Range(2, 1 << 24));
}

StreamCase StreamKernel::plan(const RunContext& ctx) const {
  StreamCase c;
  c.iterations = opt_.iterations > 0 ? opt_.iterations : ctx.quick ? kStreamQuickIterations : kStreamIterations;
  // Nodes may differ; the largest cache sizes N for all, so that no rank runs from cache.
  c.llc_bytes = last_level_cache_bytes();
  MPI_Allreduce(MPI_IN_PLACE, &c.llc_bytes, 1, MPI_INT64_T, MPI_MAX, ctx.world);
  agree(ctx.world, [&] {
    c.n = opt_.n;
    if (c.n == 0) {
      const std::int64_t cap = stream_max_n_by_memory(*ctx.topology, kStreamMemFraction);
      if (cap < 1) throw InputError("no memory to size the STREAM arrays from; give --stream-n");
      c.n = stream_default_n(c.llc_bytes, cap, ctx.quick);
    }
    check_stream_fits(*ctx.topology, c.n);
  });
  return c;
}

KernelResult StreamKernel::run_case(const RunContext& ctx, const StreamCase& c) const {
  const int rank = comm_rank(ctx.world), ranks = comm_size(ctx.world);
  const auto n = static_cast<std::size_t>(c.n);
  const double s = stream::kScalar;

  // Allocate: a node that cannot give the memory after all fails for everyone.
  Array a, b, cc;
  agree(ctx.world, [&] {
    try {
      a = allocate(c.n);
      b = allocate(c.n);
      cc = allocate(c.n);
    } catch (const std::bad_alloc&) {
      throw InputError("cannot allocate the STREAM arrays for N=" + std::to_string(c.n) + "/rank on this node");
    }
  });
  // Timed run. The barrier before each kernel starts every rank together, so the ranks of a
  // node compete for its memory as they would in an application, and the slowest rank's
  // time is the time the whole machine took. The first iteration is untimed (as STREAM's
  // statistics skip it): page faults, TLB and cache warm-up land there.
  //
  // --min-phase-seconds repeats the whole K-iteration block (initialise, K iterations,
  // verify): the recurrence multiplies `a` by 15 per iteration, so one endless block would
  // overflow after about 260 iterations. Each timed iteration is one window of the phase.
  std::array<double, kOpCount> best, sum{}, worst{};
  best.fill(std::numeric_limits<double>::infinity());
  std::vector<double> iteration_seconds;
  std::array<double, 3> err{0, 0, 0};
  int blocks = 0;
  // MPI_MAX need not propagate NaN; make it +inf so the worst error is never hidden.
  auto visible = [](double e) { return std::isnan(e) ? std::numeric_limits<double>::infinity() : e; };
  double iteration_t0 = 0;
  do {
    stream::initialise(a.get(), b.get(), cc.get(), n);
    for (int k = 0; k < c.iterations; ++k) {
      if (k > 0) iteration_seconds.push_back(0.0);
      for (int op = 0; op < kOpCount; ++op) {
        double t0 = 0;
        if (k > 0 && op == 0) {
          t0 = iteration_t0 = ctx.start_timed();
        } else {
          MPI_Barrier(ctx.world);
          t0 = MPI_Wtime();
        }
        stream::run(kOps[op], a.get(), b.get(), cc.get(), s, n);
        const double t = MPI_Wtime() - t0;
        if (k == 0) continue;
        best[op] = std::min(best[op], t);
        sum[op] += t;
        worst[op] = std::max(worst[op], t);
        iteration_seconds.back() += t;
      }
      if (k > 0) ctx.stop_timed(iteration_t0);
    }
    // Verify the block: every element went through the same K sequences.
    const stream::Errors local = stream::check(a.get(), b.get(), cc.get(), n, c.iterations, s);
    err = {std::max(err[0], visible(local.a)), std::max(err[1], visible(local.b)), std::max(err[2], visible(local.c))};
    ++blocks;
  } while (ctx.extend_timed());
  const int timed = static_cast<int>(iteration_seconds.size());
  MPI_Allreduce(MPI_IN_PLACE, iteration_seconds.data(), timed, MPI_DOUBLE, MPI_MAX, ctx.world);
  MPI_Allreduce(MPI_IN_PLACE, err.data(), 3, MPI_DOUBLE, MPI_MAX, ctx.world);
  const stream::Errors worst_err{err[0], err[1], err[2]};
  const bool passed = stream::passes(worst_err);

  // Report. Each rank's best times, on every rank; rates are formed from them.
  std::vector<double> rank_best(static_cast<std::size_t>(ranks) * kOpCount);
  MPI_Allgather(best.data(), kOpCount, MPI_DOUBLE, rank_best.data(), kOpCount, MPI_DOUBLE, ctx.world);
  std::array<double, kOpCount> avg{}, slowest_avg{}, slowest_worst{};
  for (int op = 0; op < kOpCount; ++op) avg[op] = sum[op] / timed;
  MPI_Allreduce(avg.data(), slowest_avg.data(), kOpCount, MPI_DOUBLE, MPI_MAX, ctx.world);
  MPI_Allreduce(worst.data(), slowest_worst.data(), kOpCount, MPI_DOUBLE, MPI_MAX, ctx.world);

  // A rate over a time below the clock's resolution would be infinite; floor it there.
  const double tick = MPI_Wtick();
  auto best_of = [&](int r, int op) { return rank_best[static_cast<std::size_t>(r) * kOpCount + op]; };
  auto gbs = [&](std::int64_t rank_count, int op, double seconds) {
    return double(stream::bytes_moved(kOps[op], c.n)) * double(rank_count) / std::max(seconds, tick) / 1e9;
  };
  std::array<double, kOpCount> slowest_best{}, total_gbs{};
  for (int op = 0; op < kOpCount; ++op) {
    for (int r = 0; r < ranks; ++r) slowest_best[op] = std::max(slowest_best[op], best_of(r, op));
    total_gbs[op] = gbs(ranks, op, slowest_best[op]);
  }
  constexpr int kTriad = static_cast<int>(stream::Op::triad);
  const Topology& topo = *ctx.topology;
  std::vector<double> node_seconds(static_cast<std::size_t>(topo.node_count()), 0.0);
  for (int r = 0; r < ranks; ++r) {
    double& t = node_seconds[static_cast<std::size_t>(topo.node_of_rank(r))];
    t = std::max(t, best_of(r, kTriad));
  }
  double rank_min = std::numeric_limits<double>::infinity(), rank_max = 0, rank_mean = 0;
  for (int r = 0; r < ranks; ++r) {
    const double g = gbs(1, kTriad, best_of(r, kTriad));
    rank_min = std::min(rank_min, g);
    rank_max = std::max(rank_max, g);
    rank_mean += g / ranks;
  }

  KernelResult res;
  res.kernel = "stream";
  res.problem = problem_text(c.n, ranks);
  res.ranks = ranks;
  res.passed = passed;
  res.rep_seconds = iteration_seconds;
  res.figure_name = "triad_gbs";
  res.unit = "GB/s";
  res.figure_of_merit = total_gbs[kTriad];
  for (int op = 0; op < kOpCount; ++op)
    res.figures.push_back({std::string(stream::kOpNames[op]) + "_gbs", total_gbs[op]});
  for (int node = 0; node < topo.node_count(); ++node)
    res.figures.push_back({"node" + std::to_string(node) + "_triad_gbs",
                           gbs(topo.nodes()[static_cast<std::size_t>(node)].ranks, kTriad,
                               node_seconds[static_cast<std::size_t>(node)])});
  res.figures.push_back({"rank_triad_gbs_min", rank_min});
  res.figures.push_back({"rank_triad_gbs_mean", rank_mean});
  res.figures.push_back({"rank_triad_gbs_max", rank_max});
  res.parameters = {{"n_per_rank", c.n},
                    {"iterations", std::int64_t{c.iterations}},
                    {"blocks", std::int64_t{blocks}},
                    {"bytes_per_rank", stream::array_bytes(c.n)},
                    {"scalar", s}};
  res.verification = {{"a_avg_rel_error", worst_err.a},
                      {"b_avg_rel_error", worst_err.b},
                      {"c_avg_rel_error", worst_err.c},
                      {"threshold", stream::kThreshold},
                      {"sequences", std::int64_t{c.iterations}},
                      {"formula", std::string("mean_j |x_j - x_expected| / |x_expected|, worst rank; x_expected "
                                              "replays the scalar recurrence")}};
  res.phase_names.assign(stream::kOpNames.begin(), stream::kOpNames.end());
  res.phase_description = "seconds, each kernel's best timed iteration";
  res.phase_seconds = rank_best;

  if (rank == 0) {
    std::printf("stream %s: 3 arrays of %s per rank, last-level cache %s, %d iterations (first untimed)\n",
                res.problem.c_str(), mib(double(c.n) * sizeof(double)).c_str(),
                c.llc_bytes > 0 ? mib(double(c.llc_bytes)).c_str() : "unknown", c.iterations);
    if (c.llc_bytes > 0 && c.n * static_cast<std::int64_t>(sizeof(double)) < kStreamCacheMultiple * c.llc_bytes)
      std::printf("stream: note: arrays under %dx the last-level cache; caches inflate these rates\n",
                  kStreamCacheMultiple);
    std::printf("Function    Best Rate GB/s  Avg time     Min time     Max time   (all ranks; times of the slowest rank)\n");
    for (int op = 0; op < kOpCount; ++op) {
      std::string label = stream::kOpNames[op];
      label[0] = static_cast<char>(label[0] - 'a' + 'A');
      label += ':';
      std::printf("%-10s%16.3f  %11.6f  %11.6f  %11.6f\n", label.c_str(), total_gbs[op], slowest_avg[op],
                  slowest_best[op], slowest_worst[op]);
    }
    if (topo.node_count() > 1)
      for (int node = 0; node < topo.node_count(); ++node)
        std::printf("stream: node %d (%s, %d rank(s)): triad %.3f GB/s\n", node,
                    topo.nodes()[static_cast<std::size_t>(node)].hostname.c_str(),
                    topo.nodes()[static_cast<std::size_t>(node)].ranks,
                    gbs(topo.nodes()[static_cast<std::size_t>(node)].ranks, kTriad,
                        node_seconds[static_cast<std::size_t>(node)]));
    std::printf("stream verification: avg relative error a %.3g, b %.3g, c %.3g (threshold %.0e) ... %s\n",
                worst_err.a, worst_err.b, worst_err.c, stream::kThreshold, passed ? "PASSED" : "FAILED");
    std::fflush(stdout);
  }
  return res;
}

void StreamKernel::run(RunContext& ctx) { ctx.record(run_case(ctx, plan(ctx))); }

}  // namespace bramble
