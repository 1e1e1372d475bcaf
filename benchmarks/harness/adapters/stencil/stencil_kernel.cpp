#include "adapters/stencil/stencil_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <cstdio>

#include "core/collective.hpp"
#include "core/format_units.hpp"
#include "core/checked_math.hpp"
#include "core/comm_info.hpp"
#include "core/value.hpp"
#include "adapters/stencil/stencil_sizing.hpp"
#include "context/last_level_cache.hpp"
#include "suite/option_checks.hpp"
#include "suite/phase_timer.hpp"
#include "stencil/checksum.hpp"
#include "stencil/heat_mode.hpp"
#include "stencil/heat_solver.hpp"

namespace bramble {
namespace {

constexpr const char* kAxis = "xyz";

// What setup decides from the options and the rank count, before anything is allocated.
struct StencilSetup {
  std::array<int, 3> procs;
  stencil::Extent global;
  std::int64_t steps;
  stencil::Coefficients k;
  std::vector<StencilNode> nodes;  // each node's cache, memory and ranks, as sizing saw them
  bool capped_by_memory = false;   // the default size wanted more than memory allows
};

// What the timed rounds leave behind.
struct Rounds {
  std::vector<double> seconds;       // each round, slowest rank
  double error = 0;                  // worst mode error over the rounds
  std::vector<double> phase_seconds;  // this rank, summed over every timed step
};

// Which compiled version of the update ran (stencil/isa_level.hpp): the level's name when
// every rank ran the same one, else the range, since each node of a mixed cluster runs its
// own best. A figure, not a parameter: the same problem on a CPU with another vector unit
// is still the same problem, and parameters decide which runs `bramble compare` matches.
std::string isa_clone(MPI_Comm world, stencil::IsaLevel mine) {
  int lowest = static_cast<int>(mine), highest = lowest;
  MPI_Allreduce(MPI_IN_PLACE, &lowest, 1, MPI_INT, MPI_MIN, world);
  MPI_Allreduce(MPI_IN_PLACE, &highest, 1, MPI_INT, MPI_MAX, world);
  const auto name = [](int level) { return std::string(stencil::isa_name(static_cast<stencil::IsaLevel>(level))); };
  return lowest == highest ? name(lowest) : name(lowest) + " to " + name(highest) + " (differs by rank)";
}

struct Verification {
  double error, tolerance;
  std::string checksum;  // of the last round's field
};

// The rates behind the figures and the printed line, from the best round.
struct Rates {
  double seconds, mlups, gflops, gbs;
};

// Each node's last-level cache (all instances; the largest any of its ranks reports), available
// memory and rank count. Collective.
std::vector<StencilNode> stencil_nodes(const RunContext& ctx) {
  const Topology& topo = *ctx.topology;
  const std::int64_t mine = last_level_cache().node_bytes;
  std::vector<std::int64_t> all(static_cast<std::size_t>(comm_size(ctx.world)));
  MPI_Allgather(&mine, 1, MPI_INT64_T, all.data(), 1, MPI_INT64_T, ctx.world);
  std::vector<StencilNode> nodes(static_cast<std::size_t>(topo.node_count()));
  for (std::size_t i = 0; i < nodes.size(); ++i)
    nodes[i] = {0, topo.nodes()[i].memory_available_bytes, topo.nodes()[i].ranks};
  for (std::size_t r = 0; r < all.size(); ++r) {
    auto& llc = nodes[static_cast<std::size_t>(topo.node_of_rank(int(r)))].llc_bytes;
    llc = std::max(llc, all[r]);
  }
  return nodes;
}

// Global extents from the options: --nx/--ny/--nz override --n, which overrides the default
// edge; --weak multiplies the per-rank size by the process grid.
stencil::Extent global_extent(const StencilOptions& o, std::int64_t default_edge, const std::array<int, 3>& procs) {
  const std::int64_t edge = o.n ? o.n : default_edge;
  stencil::Extent e{o.nx ? o.nx : edge, o.ny ? o.ny : edge, o.dims == 3 ? (o.nz ? o.nz : edge) : 1};
  // A product past int64 saturates: the size checks then refuse it as too large, where a
  // wrapped extent could have passed them.
  if (o.weak)
    for (int a = 0; a < o.dims; ++a) e[a] = checked_mul(e[a], procs[a]).value_or(INT64_MAX);
  return e;
}

// Without --n: --quick's fixed small edge, else sized to every node's cache and memory
// (stencil_sizing.hpp).
StencilSetup setup(const StencilOptions& o, const RunContext& ctx) {
  StencilSetup s;
  const int ranks = comm_size(ctx.world);
  s.procs = stencil::Domain::process_grid(ranks, o.dims);
  s.nodes = stencil_nodes(ctx);
  StencilSize size{o.dims == 2 ? kStencilQuickEdge2d : kStencilQuickEdge3d};
  if (!ctx.quick)
    size = stencil_default_edge(s.nodes, o.dims, o.weak ? 1 : ranks, o.dims == 2 ? kStencilFloorEdge2d : kStencilFloorEdge3d);
  s.capped_by_memory = !o.n && size.capped_by_memory;
  s.global = global_extent(o, size.edge, s.procs);
  s.steps = o.steps ? o.steps : (ctx.quick || o.dims == 3 ? 50 : 100);
  s.k = stencil::make_coefficients(o.dims, o.radius);
  return s;
}

// How many times each node's share of the two arrays exceeds its last-level cache, the
// smallest over the nodes (0 where no cache size is known). Collective.
double cache_multiple(const RunContext& ctx, const StencilSetup& s, const stencil::Domain& domain) {
  double node_share = double(kStencilBytesPerPoint) * double(domain.array_size());
  MPI_Allreduce(MPI_IN_PLACE, &node_share, 1, MPI_DOUBLE, MPI_SUM, ctx.topology->node_comm());
  std::vector<double> per_rank(static_cast<std::size_t>(comm_size(ctx.world)));
  MPI_Allgather(&node_share, 1, MPI_DOUBLE, per_rank.data(), 1, MPI_DOUBLE, ctx.world);
  std::vector<double> shares(s.nodes.size());
  for (std::size_t r = 0; r < per_rank.size(); ++r)
    shares[static_cast<std::size_t>(ctx.topology->node_of_rank(int(r)))] = per_rank[r];
  return smallest_cache_multiple(s.nodes, shares);
}

// Before any allocation, so that a bad size is one message and not an out-of-memory kill.
void validate_sizes(const RunContext& ctx, const StencilOptions& o, const StencilSetup& s) {
  agree(ctx.world, [&] {
    if (o.dims == 2 && o.nz) throw InputError("--nz needs --dims 3");
    for (int a = 0; a < o.dims; ++a) {
      // A halo wider than a rank's share would need points from beyond the next rank.
      const std::int64_t share = stencil::Domain::smallest_share(s.global[a], s.procs[a]);
      if (share < o.radius)
        throw InputError("radius " + std::to_string(o.radius) + " needs at least that many points per rank along " +
                         kAxis[a] + ", but " + std::to_string(s.global[a]) + " points over " +
                         std::to_string(s.procs[a]) + " ranks leaves " + std::to_string(share) +
                         ": use a bigger grid, a smaller radius or fewer ranks");
    }
  });
}

void does_not_fit(const NodeInfo& node, double need) {
  if (need > double(node.memory_available_bytes))
    throw InputError("the grid does not fit: node " + node.hostname + " (" + std::to_string(node.ranks) +
                     " rank(s)) needs " + gib(need) + " but has " + available_memory_text(node) +
                     "; choose a smaller --n");
}

// Before the domain is made: its local array size is an int64 product of the extents, so a
// grid far beyond any memory (--n 1099511627776 in 3D) is refused here, in double, with the
// largest rank's share standing for every rank of the node. Sizes a machine could hold go
// on to the exact check below.
void validate_extents(const RunContext& ctx, const StencilOptions& o, const StencilSetup& s) {
  agree(ctx.world, [&] {
    double local_points = 1;
    for (int a = 0; a < o.dims; ++a)
      local_points *= std::ceil(double(s.global[a]) / s.procs[a]) + 2.0 * o.radius;
    const NodeInfo& node = ctx.topology->nodes()[ctx.topology->my_node()];
    const double need = 2.0 * local_points * sizeof(double) * node.ranks;
    if (need > 0x1p60) does_not_fit(node, need);  // an exabyte: no node has it
  });
}

// The solver holds two arrays of the local size; every rank checks its node's total.
void validate_memory(const RunContext& ctx, const stencil::Domain& domain) {
  agree(ctx.world, [&] {
    double need = 2.0 * double(domain.array_size()) * sizeof(double);
    MPI_Allreduce(MPI_IN_PLACE, &need, 1, MPI_DOUBLE, MPI_SUM, ctx.topology->node_comm());
    does_not_fit(ctx.topology->nodes()[ctx.topology->my_node()], need);
  });
}

// "64x48" or "64x48x32".
std::string grid_text(const StencilOptions& o, const StencilSetup& s) {
  const auto& g = s.global;
  return std::to_string(g[0]) + "x" + std::to_string(g[1]) + (o.dims == 3 ? "x" + std::to_string(g[2]) : "");
}

std::string two_digits(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2g", v);
  return buf;
}

// Each round ends lambda^(steps+1) u0 (the untimed step and the timed ones), and many steps
// on a small grid decay that below what the check can tell from a field of zeros: refused
// here, rather than run and verify nothing (stencil/heat_mode.hpp). Before the solver
// allocates anything.
void validate_steps(const RunContext& ctx, const StencilOptions& o, const StencilSetup& s,
                    const stencil::Domain& domain) {
  agree(ctx.world, [&] {
    if (stencil::mode_checkable(domain, s.k, s.steps + 1)) return;
    const std::int64_t most = std::max<std::int64_t>(1, stencil::max_checkable_steps(domain, s.k) - 1);
    const std::string steps = std::to_string(s.steps);
    throw InputError((o.steps ? "--steps " + steps + " is" : "the default " + steps + " steps are") +
                     " too many for a " + grid_text(o, s) +
                     " grid: the sine mode the check compares against decays to " +
                     two_digits(stencil::mode_amplitude(domain, s.k, s.steps + 1)) +
                     " of its start, which the check cannot tell from an all-zero field (it needs at least " +
                     std::to_string(std::lround(stencil::kModeMargin)) + " x its rounding tolerance, " +
                     two_digits(stencil::mode_rounding(s.k, s.steps + 1)) + "); use at most " +
                     std::to_string(most) + " steps, or a bigger grid");
  });
}

// The worse of two mode errors; a NaN in either stays NaN, so it can never pass.
double worse_error(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::max(a, b);
}

// Timed rounds of `steps` steps, as many as the repetition policy and --min-phase-seconds ask. Each round
// starts again from the sine mode with one untimed step (caches, MPI connections, as in
// the PRK) and is verified on its own: one long decay would sink into subnormal numbers
// (slow, and no longer a test) on a small grid.
Rounds timed_rounds(const RunContext& ctx, const stencil::Domain& domain, const StencilSetup& s,
                    stencil::HeatSolver& solver) {
  PhaseObserver<stencil::StencilPhase> untimed;
  PhaseTimer<stencil::StencilPhase> timer(stencil::kStencilPhaseCount);
  Rounds rounds;
  do {
    stencil::set_mode(domain, solver.field());
    solver.step(untimed);
    const double t0 = ctx.start_timed();
    for (std::int64_t step = 0; step < s.steps; ++step) solver.step(timer);
    rounds.seconds.push_back(ctx.stop_timed(t0));
    // After the untimed step and every timed one the field is lambda^(steps+1) u0.
    rounds.error = worse_error(rounds.error, stencil::mode_error(domain, s.k, solver.field(), s.steps + 1));
  } while (ctx.repeat_timed(rounds.seconds));
  rounds.phase_seconds = timer.seconds();
  return rounds;
}

Verification verify(const stencil::Domain& domain, const StencilSetup& s, const stencil::HeatSolver& solver,
                    const Rounds& rounds) {
  return {rounds.error, stencil::mode_tolerance(domain, s.k, s.steps + 1),
          hex64(stencil::field_checksum(domain, solver.field()))};
}

Rates rates(const StencilSetup& s, const Rounds& rounds) {
  const double seconds = *std::min_element(rounds.seconds.begin(), rounds.seconds.end());
  const double points = double(s.global[0]) * double(s.global[1]) * double(s.global[2]);
  const double mlups = points * double(s.steps) / seconds / 1e6;
  return {seconds, mlups, mlups * s.k.flops_per_update() / 1e3, mlups * s.k.bytes_per_update() / 1e3};
}

std::string problem_text(const StencilOptions& o, const StencilSetup& s) {
  const auto& p = s.procs;
  const std::string size = grid_text(o, s);
  const std::string grid =
      std::to_string(p[0]) + "x" + std::to_string(p[1]) + (o.dims == 3 ? "x" + std::to_string(p[2]) : "");
  return std::to_string(o.dims) + "D r=" + std::to_string(o.radius) + " " + size + " ranks " + grid +
         (o.weak ? " weak" : "") + (o.no_overlap ? " no-overlap" : "");
}

// The result handed to the suite; collective (the per-rank time split is gathered).
KernelResult make_result(const RunContext& ctx, const StencilOptions& o, const StencilSetup& s,
                         const stencil::Domain& domain, const stencil::HeatSolver& solver, const Rounds& rounds,
                         const Verification& v, double cache_times) {
  const Rates rate = rates(s, rounds);
  KernelResult r;
  r.kernel = "stencil";
  r.problem = problem_text(o, s);
  r.ranks = comm_size(ctx.world);
  r.rep_seconds = rounds.seconds;
  r.figure_name = "mlups";
  r.unit = "MLUP/s";
  r.figure_of_merit = rate.mlups;
  r.figures = {{"mlups", rate.mlups},
               {"gflops", rate.gflops},
               {"gbs_effective", rate.gbs},
               {"flops_per_update", std::int64_t{s.k.flops_per_update()}},
               {"bytes_per_update", std::int64_t{s.k.bytes_per_update()}},
               {"seconds", rate.seconds},
               {"isa_clone", isa_clone(ctx.world, solver.isa())},
               // results/comparison_validity.hpp: under kStencilCacheMultiple, not comparable
               {"cache_multiple", cache_times}};
  r.parameters = {{"dims", std::int64_t{o.dims}}, {"radius", std::int64_t{o.radius}},
                  {"nx", s.global[0]}, {"ny", s.global[1]}, {"nz", s.global[2]},
                  {"px", std::int64_t{s.procs[0]}}, {"py", std::int64_t{s.procs[1]}}, {"pz", std::int64_t{s.procs[2]}},
                  {"steps", s.steps}, {"rounds", std::int64_t(rounds.seconds.size())},
                  {"weak", std::int64_t{o.weak}}, {"overlap", std::int64_t{!o.no_overlap}},
                  {"nu", s.k.nu}, {"halo", std::string("packed faces, MPI_Isend/MPI_Irecv, all axes at once")}};
  r.passed = v.error <= v.tolerance;  // NaN fails
  r.verification = {{"mode_max_error", v.error}, {"mode_tolerance", v.tolerance},
                    {"mode_eigenvalue", stencil::mode_eigenvalue(domain, s.k)},
                    {"checksum", v.checksum}};
  ctx.record_phases(r, {std::begin(stencil::kStencilPhaseNames), std::end(stencil::kStencilPhaseNames)},
                    "seconds, summed over all timed steps", rounds.phase_seconds);
  return r;
}

// Before the timed run: where the grid stands against the caches, when that matters.
void print_cache_note(const RunContext& ctx, const StencilSetup& s, double cache_times) {
  if (comm_rank(ctx.world) != 0) return;
  if (s.capped_by_memory)
    std::printf("stencil: note: the grid is capped by memory (%.0f%% of the smallest node's available memory) "
                "below the %dx the last-level cache it should be\n",
                100 * kStencilMemFraction, kStencilCacheMultiple);
  if (cache_times > 0 && cache_times < kStencilCacheMultiple)
    std::printf("stencil: note: a node's share of the grid is %.2fx its last-level cache, under %dx: caches "
                "inflate these rates, so the run is not valid for comparison (leave --n out to size it)\n",
                cache_times, kStencilCacheMultiple);
  std::fflush(stdout);
}

void print_line(const RunContext& ctx, const KernelResult& r, const StencilSetup& s, const Rounds& rounds,
                const Verification& v) {
  if (comm_rank(ctx.world) != 0) return;
  const Rates rate = rates(s, rounds);
  std::printf("stencil %s: %lld steps in %.3f s, %.1f MLUP/s, %.2f Gflop/s, %.2f GB/s effective; "
              "%s update; mode error %.3g (tolerance %.3g), checksum %s ... %s\n",
              r.problem.c_str(), static_cast<long long>(s.steps), rate.seconds, rate.mlups, rate.gflops, rate.gbs,
              to_text(*find_value(r.figures, "isa_clone")).c_str(), v.error, v.tolerance, v.checksum.c_str(),
              r.verdict().c_str());
  std::fflush(stdout);
}

}  // namespace

void StencilKernel::add_options(CLI::App& sub) {
  sub.add_option("--dims", opt_.dims, "2 or 3 dimensions")->check(CLI::IsMember({2, 3}))->capture_default_str();
  // Extents up to 2^40 points each: far beyond memory, and their products stay countable.
  const auto extent = whole_number<std::int64_t>(1, std::int64_t{1} << 40);
  sub.add_option("--n", opt_.n, "Global grid edge (per rank with --weak); default: every node's share at least 4x its "
                 "last-level cache, at least 4096 (2D) or 256 (3D), within 40% of memory; 2048 or 128 with --quick")
      ->check(extent);
  sub.add_option("--nx", opt_.nx, "Grid extent along x (overrides --n)")->check(extent);
  sub.add_option("--ny", opt_.ny, "Grid extent along y")->check(extent);
  sub.add_option("--nz", opt_.nz, "Grid extent along z (3D)")->check(extent);
  sub.add_option("--radius", opt_.radius, "Star stencil radius 1-4 (1: 5-point 2D, 7-point 3D)")
      ->check(whole_number<int>(1, stencil::kMaxRadius))->capture_default_str();
  sub.add_option("--steps", opt_.steps, "Timed steps (default 100 in 2D, 50 in 3D and with --quick)")
      ->check(whole_number<std::int64_t>(1, std::int64_t{1} << 40));
  sub.add_flag("--weak", opt_.weak, "Sizes are per rank (weak scaling) instead of global");
  sub.add_flag("--no-overlap", opt_.no_overlap, "Wait for the halo before updating anything");
}

namespace {

// Every check before the domain's arrays are allocated: sizes, extents, memory and steps.
StencilSetup checked_setup(const StencilOptions& o, const RunContext& ctx) {
  const StencilSetup s = setup(o, ctx);
  validate_sizes(ctx, o, s);
  validate_extents(ctx, o, s);
  const stencil::Domain domain(ctx.world, o.dims, s.global, o.radius);
  validate_memory(ctx, domain);
  validate_steps(ctx, o, s, domain);
  return s;
}

}  // namespace

void StencilKernel::prepare(RunContext& ctx) { (void)checked_setup(opt_, ctx); }

void StencilKernel::run(RunContext& ctx) {
  // The checks again (cheap, and nothing allocated): run() stands alone without prepare().
  const StencilSetup s = checked_setup(opt_, ctx);
  stencil::Domain domain(ctx.world, opt_.dims, s.global, opt_.radius);
  const double cache_times = cache_multiple(ctx, s, domain);
  print_cache_note(ctx, s, cache_times);

  stencil::HeatSolver solver(domain, s.k, !opt_.no_overlap);
  const Rounds rounds = timed_rounds(ctx, domain, s, solver);

  const Verification v = verify(domain, s, solver, rounds);

  const KernelResult r = make_result(ctx, opt_, s, domain, solver, rounds, v, cache_times);
  print_line(ctx, r, s, rounds, v);
  ctx.record(r);
}

}  // namespace bramble
