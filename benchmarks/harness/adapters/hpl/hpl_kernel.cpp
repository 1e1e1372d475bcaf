#include "adapters/hpl/hpl_kernel.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "hpl/back_solve.hpp"
#include "hpl/lu_factor.hpp"
#include "hpl/matrix_generator.hpp"
#include "hpl/residual.hpp"
#include "adapters/hpl/hpl_dat.hpp"
#include "core/input_file.hpp"
#include "adapters/hpl/lu_phase_timer.hpp"
#include "adapters/hpl/memory_sizing.hpp"

namespace bramble {
namespace {

std::string problem_text(const HplCase& c) {
  return "N=" + std::to_string(c.n) + " NB=" + std::to_string(c.nb) + " " + std::to_string(c.p) +
         "x" + std::to_string(c.q) + (c.lookahead ? "" : " no-lookahead");
}

// An untimed small solve on the same grid first (as the PRK skip their first iteration):
// MPI connections, shared-memory segments and BLAS buffers are set up outside the timing.
void warm_up(const hpl::ProcessGrid& grid, const HplCase& c, const hpl::LuOptions& lu) {
  const std::int64_t n = std::min<std::int64_t>(c.n, 4LL * c.nb * std::max(c.p, c.q));
  hpl::DistMatrix a(grid, n, c.nb);
  hpl::generate_system(a, 1);
  hpl::LuObserver untimed;
  hpl::factor_lu(a, lu, untimed);
  hpl::back_substitute(a, untimed);
}

}  // namespace

std::pair<int, int> squarest_grid(int ranks) {
  int p = static_cast<int>(std::sqrt(double(ranks)));
  while (p > 1 && ranks % p != 0) --p;
  return {p, ranks / p};
}

void HplKernel::add_options(CLI::App& sub) {
  sub.add_option("--n", opt_.n, "Matrix order N (default: sized from memory)")->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
  sub.add_option("--nb", opt_.nb, "Block size NB")->check(CLI::PositiveNumber)->capture_default_str();
  sub.add_option("--p", opt_.p, "Process rows P (with --q; default: most square P <= Q)")->check(CLI::PositiveNumber);
  sub.add_option("--q", opt_.q, "Process columns Q")->check(CLI::PositiveNumber);
  sub.add_option("--hpl-dat", opt_.hpl_dat, "Run the sweep an HPL.dat describes")
      ->excludes(sub.get_option("--n"))->excludes(sub.get_option("--nb"))
      ->excludes(sub.get_option("--p"))->excludes(sub.get_option("--q"));
  sub.add_option("--mem-fraction", opt_.mem_fraction,
                 "Share of the smallest node's available memory used when sizing N")
      ->check(CLI::Range(0.01, 0.95))->capture_default_str();
  sub.add_option("--reps", opt_.reps, "Repetitions of each case")->check(CLI::PositiveNumber)->capture_default_str();
  sub.add_flag("--no-lookahead", opt_.no_lookahead, "Turn off the one-panel look-ahead");
  sub.add_option("--seed", opt_.seed, "Seed of the random system")->capture_default_str();
  sub.add_option("--leaf", opt_.leaf_width, "Panel recursion leaf width")->check(CLI::Range(1, 1024))->capture_default_str();
}

std::vector<HplCase> HplKernel::plan(const RunContext& ctx) const {
  const int ranks = comm_size(ctx.world);
  std::vector<HplCase> cases;
  if (!opt_.hpl_dat.empty()) {
    const std::string text = read_on_rank0(ctx.world, opt_.hpl_dat, "HPL.dat file");
    agree(ctx.world, [&] {
      const HplDat dat = parse_hpl_dat(text, opt_.hpl_dat);
      if (comm_rank(ctx.world) == 0) {
        std::string list;
        for (const auto& s : dat.ignored) list += (list.empty() ? "" : ", ") + s;
        std::printf("%s: bramble ignores %s\n", opt_.hpl_dat.c_str(), list.c_str());
        if (std::any_of(dat.depths.begin(), dat.depths.end(), [](int d) { return d > 1; }))
          std::printf("%s: look-ahead depths above 1 run as depth 1\n", opt_.hpl_dat.c_str());
      }
      for (auto [p, q] : dat.grids) {
        if (p * q != ranks)
          throw InputError(opt_.hpl_dat + ": process grid " + std::to_string(p) + "x" + std::to_string(q) +
                           " needs " + std::to_string(p * q) + " ranks, but bramble runs on " +
                           std::to_string(ranks));
        for (int depth : dat.depths)
          for (auto n : dat.ns)
            for (int nb : dat.nbs)
              cases.push_back({n, nb, p, q, dat.pmap == 0 ? hpl::GridOrder::row_major : hpl::GridOrder::column_major,
                               depth > 0, dat.threshold});
      }
    });
  } else {
    agree(ctx.world, [&] {
      if ((opt_.p == 0) != (opt_.q == 0)) throw InputError("give both --p and --q, or neither");
      auto [p, q] = opt_.p ? std::pair{opt_.p, opt_.q} : squarest_grid(ranks);
      if (p * q != ranks)
        throw InputError("process grid " + std::to_string(p) + "x" + std::to_string(q) + " needs " +
                         std::to_string(p * q) + " ranks, but bramble runs on " + std::to_string(ranks) +
                         " (P x Q must equal the number of ranks)");
      std::int64_t n = opt_.n;
      if (n == 0) {
        std::int64_t min_avail = INT64_MAX;
        for (const auto& node : ctx.topology->nodes()) min_avail = std::min(min_avail, node.memory_available_bytes);
        n = n_from_memory(min_avail, ctx.topology->node_count(), opt_.mem_fraction, opt_.nb);
        if (ctx.quick) n = std::min(n, (kQuickN / opt_.nb) * opt_.nb);
        if (n < 1) throw InputError("no memory to size N from; give --n");
      }
      cases.push_back({n, opt_.nb, p, q, hpl::GridOrder::row_major, !opt_.no_lookahead, hpl::kHplThreshold});
    });
  }
  agree(ctx.world, [&] {
    for (const auto& c : cases) check_hpl_fits(*ctx.topology, c.n, c.nb, c.p, c.q, c.order);
  });
  return cases;
}

KernelResult HplKernel::run_case(const RunContext& ctx, const HplCase& c) const {
  const bool rank0 = comm_rank(ctx.world) == 0;
  hpl::ProcessGrid grid(ctx.world, c.p, c.q, c.order);
  std::unique_ptr<hpl::DistMatrix> a;
  agree(ctx.world, [&] {
    try {
      a = std::make_unique<hpl::DistMatrix>(grid, c.n, c.nb);
    } catch (const std::bad_alloc&) {
      throw InputError("cannot allocate the matrix for N=" + std::to_string(c.n) + " on this node");
    }
  });
  hpl::LuOptions lu;
  lu.lookahead = c.lookahead;
  lu.leaf_width = opt_.leaf_width;
  warm_up(grid, c, lu);

  KernelResult r;
  r.kernel = "hpl";
  r.problem = problem_text(c);
  r.ranks = comm_size(ctx.world);
  r.passed = true;
  double worst_residual = 0;
  hpl::ResidualNorms worst_norms;
  std::vector<double> phase_sum(hpl::kLuPhaseCount, 0.0);
  // --min-phase-seconds may ask for more repetitions than --reps.
  for (int rep = 0; rep < opt_.reps || ctx.extend_timed(); ++rep) {
    hpl::generate_system(*a, opt_.seed);
    ProgressMeter progress(ctx.show_progress, "hpl " + r.problem, hpl::hpl_flops(c.n));
    LuPhaseTimer timer(&progress);
    const double t0 = ctx.start_timed();
    const hpl::LuOutcome outcome = hpl::factor_lu(*a, lu, timer);
    const std::vector<double> x = hpl::back_substitute(*a, timer);
    const double seconds = ctx.stop_timed(t0);
    progress.finish();

    hpl::generate_system(*a, opt_.seed);
    const hpl::ResidualNorms norms = hpl::hpl_residual(*a, x);
    const double scaled = norms.scaled();
    const bool ok = outcome.nonsingular && scaled < c.threshold;  // NaN compares false: FAILED
    r.passed = r.passed && ok;
    if (!(scaled <= worst_residual)) {
      worst_residual = scaled;
      worst_norms = norms;
    }
    r.rep_seconds.push_back(seconds);
    for (int ph = 0; ph < hpl::kLuPhaseCount; ++ph) phase_sum[ph] += timer.seconds()[ph];
    if (rank0)
      std::printf("hpl %s rep %d: %.3f s, %.2f Gflop/s, scaled residual %.4g ... %s\n", r.problem.c_str(),
                  rep + 1, seconds, hpl::hpl_flops(c.n) / seconds / 1e9, scaled, ok ? "PASSED" : "FAILED");
  }
  if (rank0) std::fflush(stdout);

  const double best = r.best_seconds();
  double mean = 0;
  for (double s : r.rep_seconds) mean += s / double(r.rep_seconds.size());
  r.figure_name = "gflops";
  r.unit = "Gflop/s";
  r.figure_of_merit = hpl::hpl_flops(c.n) / best / 1e9;
  r.figures = {{"gflops_best", r.figure_of_merit},
               {"gflops_mean", hpl::hpl_flops(c.n) / mean / 1e9},
               {"seconds_best", best},
               {"seconds_mean", mean},
               {"flops", hpl::hpl_flops(c.n)}};
  r.parameters = {{"n", c.n},
                  {"nb", std::int64_t{c.nb}},
                  {"p", std::int64_t{c.p}},
                  {"q", std::int64_t{c.q}},
                  {"grid_order", std::string(c.order == hpl::GridOrder::row_major ? "row-major" : "column-major")},
                  {"lookahead_depth", std::int64_t{c.lookahead ? 1 : 0}},
                  {"reps", std::int64_t(r.rep_seconds.size())},
                  {"seed", static_cast<std::int64_t>(opt_.seed)},
                  {"panel_leaf_width", std::int64_t{opt_.leaf_width}}};
  r.verification = {{"scaled_residual", worst_residual},
                    {"threshold", c.threshold},
                    {"residual_inf", worst_norms.r_inf},
                    {"a_inf", worst_norms.a_inf},
                    {"x_inf", worst_norms.x_inf},
                    {"b_inf", worst_norms.b_inf},
                    {"eps", worst_norms.eps},
                    {"formula", std::string("||Ax-b||_inf / (eps (||A||_inf ||x||_inf + ||b||_inf) N)")}};
  ctx.record_phases(r, {std::begin(hpl::kLuPhaseNames), std::end(hpl::kLuPhaseNames)},
                    "seconds, summed over repetitions", phase_sum);
  return r;
}

void HplKernel::run(RunContext& ctx) {
  for (const HplCase& c : plan(ctx)) ctx.record(run_case(ctx, c));
}

}  // namespace bramble
