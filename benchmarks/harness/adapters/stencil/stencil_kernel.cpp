#include "adapters/stencil/stencil_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <CLI/CLI.hpp>

#include <cstdio>

#include "core/collective.hpp"
#include "core/format_units.hpp"
#include "core/comm_info.hpp"
#include "suite/phase_timer.hpp"
#include "stencil/checksum.hpp"
#include "stencil/heat_mode.hpp"
#include "stencil/heat_solver.hpp"

namespace bramble {
namespace {

constexpr const char* kAxis = "xyz";

// Global extents from the options: --nx/--ny/--nz override --n; --weak multiplies the
// per-rank size by the process grid.
stencil::Extent global_extent(const StencilOptions& o, bool quick, const std::array<int, 3>& procs) {
  const std::int64_t edge = o.n ? o.n : (o.dims == 2 ? (quick ? 2048 : 4096) : (quick ? 128 : 256));
  stencil::Extent e{o.nx ? o.nx : edge, o.ny ? o.ny : edge, o.dims == 3 ? (o.nz ? o.nz : edge) : 1};
  if (o.weak)
    for (int a = 0; a < o.dims; ++a) e[a] *= procs[a];
  return e;
}

}  // namespace

void StencilKernel::add_options(CLI::App& sub) {
  sub.add_option("--dims", opt_.dims, "2 or 3 dimensions")->check(CLI::IsMember({2, 3}))->capture_default_str();
  sub.add_option("--n", opt_.n, "Global grid edge (per rank with --weak); default 4096 (2D), 256 (3D)")
      ->check(CLI::PositiveNumber);
  sub.add_option("--nx", opt_.nx, "Grid extent along x (overrides --n)")->check(CLI::PositiveNumber);
  sub.add_option("--ny", opt_.ny, "Grid extent along y")->check(CLI::PositiveNumber);
  sub.add_option("--nz", opt_.nz, "Grid extent along z (3D)")->check(CLI::PositiveNumber);
  sub.add_option("--radius", opt_.radius, "Star stencil radius 1-4 (1: 5-point 2D, 7-point 3D)")
      ->check(CLI::Range(1, stencil::kMaxRadius))->capture_default_str();
  sub.add_option("--steps", opt_.steps, "Timed steps (default 100 in 2D, 50 in 3D and with --quick)")
      ->check(CLI::PositiveNumber);
  sub.add_flag("--weak", opt_.weak, "Sizes are per rank (weak scaling) instead of global");
  sub.add_flag("--no-overlap", opt_.no_overlap, "Wait for the halo before updating anything");
}

void StencilKernel::run(RunContext& ctx) {
  const int ranks = comm_size(ctx.world), me = comm_rank(ctx.world);
  // setup
  const auto procs = stencil::Domain::process_grid(ranks, opt_.dims);
  const stencil::Extent global = global_extent(opt_, ctx.quick, procs);
  const std::int64_t steps = opt_.steps ? opt_.steps : (ctx.quick || opt_.dims == 3 ? 50 : 100);
  const stencil::Coefficients k = stencil::make_coefficients(opt_.dims, opt_.radius);

  // validate: before any allocation, every rank checks its own share.
  agree(ctx.world, [&] {
    if (opt_.dims == 2 && opt_.nz) throw InputError("--nz needs --dims 3");
    for (int a = 0; a < opt_.dims; ++a)
      if (global[a] / procs[a] < opt_.radius)
        throw InputError("radius " + std::to_string(opt_.radius) + " needs at least that many points per rank along " +
                         kAxis[a] + ", but " + std::to_string(global[a]) + " points over " +
                         std::to_string(procs[a]) + " ranks leaves " + std::to_string(global[a] / procs[a]) +
                         ": use a bigger grid, a smaller radius or fewer ranks");
  });
  stencil::Domain domain(ctx.world, opt_.dims, global, opt_.radius);
  agree(ctx.world, [&] {
    double need = 2.0 * double(domain.array_size()) * sizeof(double);
    MPI_Allreduce(MPI_IN_PLACE, &need, 1, MPI_DOUBLE, MPI_SUM, ctx.topology->node_comm());
    const NodeInfo& node = ctx.topology->nodes()[ctx.topology->my_node()];
    if (need > double(node.memory_available_bytes))
      throw InputError("the grid does not fit: node " + node.hostname + " (" + std::to_string(node.ranks) +
                       " rank(s)) needs " + gib(need) + " but has " + gib(double(node.memory_available_bytes)) +
                       " available; choose a smaller --n");
  });

  stencil::HeatSolver solver(domain, k, !opt_.no_overlap);
  // Timed rounds of `steps` steps; --min-phase-seconds asks for more rounds. Each round
  // starts again from the sine mode with one untimed step (caches, MPI connections, as in
  // the PRK) and is verified on its own: one long decay would sink into subnormal numbers
  // (slow, and no longer a test) on a small grid.
  PhaseObserver<stencil::StencilPhase> untimed;
  PhaseTimer<stencil::StencilPhase> timer(stencil::kStencilPhaseCount);
  std::vector<double> round_seconds;
  double error = 0;
  do {
    stencil::set_mode(domain, solver.field());
    solver.step(untimed);
    const double t0 = ctx.start_timed();
    for (std::int64_t s = 0; s < steps; ++s) solver.step(timer);
    round_seconds.push_back(ctx.stop_timed(t0));
    // verify: after the untimed step and every timed one the field is lambda^(s+1) u0
    const double e = stencil::mode_error(domain, k, solver.field(), steps + 1);
    error = std::isnan(e) || std::isnan(error) ? std::numeric_limits<double>::quiet_NaN() : std::max(error, e);
  } while (ctx.extend_timed());
  const double seconds = *std::min_element(round_seconds.begin(), round_seconds.end());
  const double tolerance = stencil::mode_tolerance(k, steps + 1);
  const std::string checksum = hex64(stencil::field_checksum(domain, solver.field()));

  // report
  KernelResult r;
  r.kernel = "stencil";
  const double points = double(global[0]) * double(global[1]) * double(global[2]);
  std::string size = std::to_string(global[0]) + "x" + std::to_string(global[1]) +
                     (opt_.dims == 3 ? "x" + std::to_string(global[2]) : "");
  std::string grid = std::to_string(procs[0]) + "x" + std::to_string(procs[1]) +
                     (opt_.dims == 3 ? "x" + std::to_string(procs[2]) : "");
  r.problem = std::to_string(opt_.dims) + "D r=" + std::to_string(opt_.radius) + " " + size + " ranks " + grid +
              (opt_.weak ? " weak" : "") + (opt_.no_overlap ? " no-overlap" : "");
  r.ranks = ranks;
  r.rep_seconds = round_seconds;
  const double mlups = points * double(steps) / seconds / 1e6;
  r.figure_name = "mlups";
  r.unit = "MLUP/s";
  r.figure_of_merit = mlups;
  r.figures = {{"mlups", mlups},
               {"gflops", mlups * k.flops_per_update() / 1e3},
               {"gbs_effective", mlups * k.bytes_per_update() / 1e3},
               {"flops_per_update", std::int64_t{k.flops_per_update()}},
               {"bytes_per_update", std::int64_t{k.bytes_per_update()}},
               {"seconds", seconds}};
  r.parameters = {{"dims", std::int64_t{opt_.dims}}, {"radius", std::int64_t{opt_.radius}},
                  {"nx", global[0]}, {"ny", global[1]}, {"nz", global[2]},
                  {"px", std::int64_t{procs[0]}}, {"py", std::int64_t{procs[1]}}, {"pz", std::int64_t{procs[2]}},
                  {"steps", steps}, {"rounds", std::int64_t(round_seconds.size())}, {"weak", std::int64_t{opt_.weak}}, {"overlap", std::int64_t{!opt_.no_overlap}},
                  {"nu", k.nu}, {"halo", std::string("packed faces, MPI_Isend/MPI_Irecv, all axes at once")}};
  r.passed = error <= tolerance;  // NaN fails
  r.verification = {{"mode_max_error", error}, {"mode_tolerance", tolerance},
                    {"mode_eigenvalue", stencil::mode_eigenvalue(domain, k)},
                    {"checksum", checksum}};
  ctx.record_phases(r, {std::begin(stencil::kStencilPhaseNames), std::end(stencil::kStencilPhaseNames)},
                    "seconds, summed over all timed steps", timer.seconds());
  if (me == 0) {
    std::printf("stencil %s: %lld steps in %.3f s, %.1f MLUP/s, %.2f Gflop/s, %.2f GB/s effective; "
                "mode error %.3g (tolerance %.3g), checksum %s ... %s\n",
                r.problem.c_str(), static_cast<long long>(steps), seconds, mlups,
                mlups * k.flops_per_update() / 1e3, mlups * k.bytes_per_update() / 1e3, error, tolerance,
                checksum.c_str(), r.verdict().c_str());
    std::fflush(stdout);
  }
  ctx.record(r);
}

}  // namespace bramble
