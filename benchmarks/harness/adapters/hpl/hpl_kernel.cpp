#include "adapters/hpl/hpl_kernel.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "hpl/back_solve.hpp"
#include "hpl/lu_factor.hpp"
#include "hpl/matrix_generator.hpp"
#include "hpl/residual.hpp"
#include "adapters/hpl/dgemm_efficiency.hpp"
#include "adapters/hpl/hpl_dat.hpp"
#include "adapters/hpl/hpl_output_format.hpp"
#include "core/input_file.hpp"
#include "adapters/hpl/lu_phase_timer.hpp"
#include "adapters/hpl/memory_sizing.hpp"
#include "core/printable.hpp"
#include "suite/option_checks.hpp"

namespace bramble {
namespace {

const char* swap_name(hpl::SwapAlgo swap) { return swap == hpl::SwapAlgo::allgather ? "allgather" : "spread-roll"; }

// The settings that differ from the defaults are part of the problem's name.
std::string problem_text(const HplCase& c) {
  const HplCase defaults;
  std::string s = "N=" + std::to_string(c.n) + " NB=" + std::to_string(c.nb) + " " + std::to_string(c.p) + "x" +
                  std::to_string(c.q);
  if (c.depth == 0) s += " no-lookahead";
  else if (c.depth != defaults.depth) s += " depth " + std::to_string(c.depth);
  if (c.bcast != defaults.bcast && c.q > 1) s += std::string(" ") + hpl::bcast_name(c.bcast);
  if (c.swap != defaults.swap && c.p > 1) s += std::string(" ") + swap_name(c.swap);
  return s;
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

// A matrix too big for some node is one agreed error, not a crash on that node.
std::unique_ptr<hpl::DistMatrix> allocate_matrix(const RunContext& ctx, const hpl::ProcessGrid& grid,
                                                 const HplCase& c) {
  std::unique_ptr<hpl::DistMatrix> a;
  agree(ctx.world, [&] {
    try {
      a = std::make_unique<hpl::DistMatrix>(grid, c.n, c.nb);
    } catch (const std::bad_alloc&) {
      throw InputError("cannot allocate the matrix for N=" + std::to_string(c.n) + " on this node");
    }
  });
  return a;
}

hpl::LuOptions lu_options(const HplCase& c, const HplOptions& o) {
  hpl::LuOptions lu;
  lu.depth = c.depth;
  lu.bcast = c.bcast;
  lu.swap = c.swap;
  lu.leaf_width = o.leaf_width;
  lu.update_chunk = o.update_chunk;
  return lu;
}

// One timed solve of a freshly generated system.
struct TimedSolve {
  hpl::LuOutcome outcome;
  std::vector<double> x;
  double seconds;                     // slowest rank
  std::vector<double> phase_seconds;  // this rank
};

TimedSolve timed_solve(const RunContext& ctx, hpl::DistMatrix& a, const hpl::LuOptions& lu, std::uint64_t seed,
                       const std::string& problem, std::int64_t n) {
  hpl::generate_system(a, seed);
  ProgressMeter progress(ctx.show_progress, "hpl " + problem, hpl::hpl_flops(n));
  LuPhaseTimer timer(&progress);
  const double t0 = ctx.start_timed();
  const hpl::LuOutcome outcome = hpl::factor_lu(a, lu, timer);
  std::vector<double> x = hpl::back_substitute(a, timer);
  const double seconds = ctx.stop_timed(t0);
  progress.finish();
  return {outcome, std::move(x), seconds, timer.seconds()};
}

struct ResidualCheck {
  hpl::ResidualNorms norms;
  double scaled;
  bool ok;
};

// The factorisation overwrote A and b, so the residual needs them generated again.
ResidualCheck verify(hpl::DistMatrix& a, std::uint64_t seed, const TimedSolve& solve, double threshold) {
  hpl::generate_system(a, seed);
  const hpl::ResidualNorms norms = hpl::hpl_residual(a, solve.x);
  const double scaled = norms.scaled();
  return {norms, scaled, solve.outcome.nonsingular && scaled < threshold};  // NaN compares false: FAILED
}

// The repetitions of one case: a single failed one fails the case, and the worst residual
// is the one reported.
struct Repetitions {
  std::vector<double> seconds;
  bool passed = true;
  double worst_residual = 0;
  hpl::ResidualNorms worst_norms;
  std::vector<double> phase_sum = std::vector<double>(hpl::kLuPhaseCount, 0.0);

  void add(const TimedSolve& solve, const ResidualCheck& check) {
    passed = passed && check.ok;
    if (!(check.scaled <= worst_residual)) {  // a NaN residual is the worst
      worst_residual = check.scaled;
      worst_norms = check.norms;
    }
    seconds.push_back(solve.seconds);
    for (int ph = 0; ph < hpl::kLuPhaseCount; ++ph) phase_sum[ph] += solve.phase_seconds[ph];
  }
};

void print_repetition(const RunContext& ctx, const std::string& problem, int rep, std::int64_t n, double seconds,
                      const ResidualCheck& check) {
  if (comm_rank(ctx.world) != 0) return;
  std::printf("hpl %s rep %d: %.3f s, %.2f Gflop/s, scaled residual %.4g ... %s\n", problem.c_str(), rep + 1,
              seconds, hpl::hpl_flops(n) / seconds / 1e9, check.scaled, check.ok ? "PASSED" : "FAILED");
}

std::vector<NamedValue> residual_verification(const HplCase& c, const Repetitions& reps) {
  const hpl::ResidualNorms& worst = reps.worst_norms;
  return {{"scaled_residual", reps.worst_residual},
          {"threshold", c.threshold},
          {"residual_inf", worst.r_inf},
          {"a_inf", worst.a_inf},
          {"x_inf", worst.x_inf},
          {"b_inf", worst.b_inf},
          {"eps", worst.eps},
          {"formula", std::string("||Ax-b||_inf / (eps (||A||_inf ||x||_inf + ||b||_inf) N)")}};
}

// The result handed to the suite; collective (the per-rank time split is gathered).
KernelResult report(const RunContext& ctx, const HplCase& c, const HplOptions& o, const Repetitions& reps) {
  KernelResult r;
  r.kernel = "hpl";
  r.problem = problem_text(c);
  r.ranks = comm_size(ctx.world);
  r.passed = reps.passed;
  r.rep_seconds = reps.seconds;
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
                  {"lookahead_depth", std::int64_t{c.depth}},
                  {"bcast", std::string(hpl::bcast_name(c.bcast))},
                  {"swap", std::string(swap_name(c.swap))},
                  {"update_chunk", o.update_chunk},
                  {"reps", std::int64_t(r.rep_seconds.size())},
                  {"seed", static_cast<std::int64_t>(o.seed)},
                  {"panel_leaf_width", std::int64_t{o.leaf_width}}};
  r.verification = residual_verification(c, reps);
  r.reference_format_lines = {
      hpl_header_line(),
      hpl_result_line(hpl_variant_code(c.order, c.depth, c.bcast, o.leaf_width), c.n, c.nb, c.p, c.q, best,
                      r.figure_of_merit),
      hpl_residual_line(reps.worst_residual, reps.passed)};
  ctx.record_phases(r, {std::begin(hpl::kLuPhaseNames), std::end(hpl::kLuPhaseNames)},
                    "seconds, summed over repetitions", reps.phase_sum);
  return r;
}

// The case as HPL prints one (reference_format_lines: the best repetition's time, the worst
// residual), with HPL's rule between the header and the result.
void print_hpl_format(const RunContext& ctx, const KernelResult& r) {
  if (comm_rank(ctx.world) != 0 || r.reference_format_lines.size() != 3) return;
  const std::string dashes(80, '-');
  std::printf("%s\n%s\n%s\n%s\n", r.reference_format_lines[0].c_str(), dashes.c_str(),
              r.reference_format_lines[1].c_str(), r.reference_format_lines[2].c_str());
}

// Its share of the ranks' DGEMM rate: stored, printed, and a trust warning where one is due
// (dgemm_efficiency.hpp). A failed case gets none: its verdict already says enough.
void judge_against_dgemm(const RunContext& ctx, const HplCase& c, const RanksDgemmRate& rate, KernelResult& r) {
  add_dgemm_efficiency(r, rate);
  const double percent = efficiency_percent(r.figure_of_merit, rate.gflops);
  const EfficiencyVerdict v =
      judge_efficiency(r.problem, percent, matrix_memory_share(c.n, ctx.topology->nodes()), ctx.quick);
  if (comm_rank(ctx.world) == 0)
    std::printf("hpl %s: %.1f %% of the DGEMM rate of its %d rank(s), %.2f Gflop/s (n=%d)%s\n", r.problem.c_str(),
                percent, rate.ranks, rate.gflops, rate.n, v.note.empty() ? "" : ("; " + v.note).c_str());
  if (!v.warning.empty() && r.passed && ctx.warn) ctx.warn(v.warning);
}

// P x Q in 64 bits: two sides of up to kMaxHplGridSide cannot wrap to the rank count.
void check_grid(std::int64_t p, std::int64_t q, int ranks, const std::string& prefix, const std::string& hint) {
  if (p * q == ranks) return;
  throw InputError(prefix + "process grid " + std::to_string(p) + "x" + std::to_string(q) + " needs " +
                   std::to_string(p * q) + " ranks, but bramble runs on " + std::to_string(ranks) + hint);
}

}  // namespace

std::pair<int, int> squarest_grid(int ranks) {
  int p = static_cast<int>(std::sqrt(double(ranks)));
  while (p > 1 && ranks % p != 0) --p;
  return {p, ranks / p};
}

void HplKernel::add_options(CLI::App& sub) {
  sub.add_option("--n", opt_.n, "Matrix order N (default: sized from memory)")
      ->check(whole_number<std::int64_t>(1, kMaxHplN));
  sub.add_option("--nb", opt_.nb, "Block size NB")->check(whole_number<int>(1, kMaxHplNb))->capture_default_str();
  sub.add_option("--p", opt_.p, "Process rows P (with --q; default: most square P <= Q)")
      ->check(whole_number<int>(1, kMaxHplGridSide));
  sub.add_option("--q", opt_.q, "Process columns Q")->check(whole_number<int>(1, kMaxHplGridSide));
  sub.add_option("--hpl-dat", opt_.hpl_dat, "Run the sweep an HPL.dat describes")
      ->excludes(sub.get_option("--n"))->excludes(sub.get_option("--nb"))
      ->excludes(sub.get_option("--p"))->excludes(sub.get_option("--q"));
  sub.add_option("--mem-fraction", opt_.mem_fraction,
                 "Share of the smallest node's available memory used when sizing N")
      ->check(finite_number(0.01, 0.95))->capture_default_str();
  sub.add_option("--reps", opt_.reps, "Repetitions of each case")->check(whole_number<int>(1, 1 << 20))->capture_default_str();
  sub.add_option("--depth", opt_.depth, "Look-ahead depth: panels factored and sent ahead of the update")
      ->check(whole_number<int>(0, hpl::kMaxLookaheadDepth))->capture_default_str();
  sub.add_flag("--no-lookahead", opt_.no_lookahead, "Turn off the look-ahead (--depth 0)")->excludes("--depth");
  sub.add_option("--bcast", opt_.bcast, "Panel broadcast: 1ringM (HPL's default), 1ring, 2ring, 2ringM, long, or ibcast (MPI's)")
      ->check(CLI::IsMember({"ibcast", "1ring", "1ringM", "2ring", "2ringM", "long"}))->capture_default_str();
  sub.add_option("--swap", opt_.swap, "Row swaps with P > 1: allgather (one collective) or spread-roll (HPL's long)")
      ->check(CLI::IsMember({"allgather", "spread-roll"}))->capture_default_str();
  sub.add_option("--update-chunk", opt_.update_chunk, "Columns per DGEMM between polls that move the broadcasts")
      ->check(whole_number<std::int64_t>(1, 1 << 20))->capture_default_str();
  // At most int64's largest: result files store the seed as a signed 64-bit integer.
  sub.add_option("--seed", opt_.seed, "Seed of the random system")->check(whole_number<std::int64_t>(0))->capture_default_str();
  sub.add_option("--leaf", opt_.leaf_width, "Panel recursion leaf width")->check(whole_number<int>(1, 1024))->capture_default_str();
  sub.add_flag("--no-dgemm-rate", opt_.no_dgemm_rate,
               "Skip measuring the ranks' DGEMM rate (about 0.3 s, untimed) and HPL's efficiency against it");
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
        const std::string shown = printable(opt_.hpl_dat, 200);
        std::printf("%s: bramble ignores %s\n", shown.c_str(), list.c_str());
        if (std::any_of(dat.depths.begin(), dat.depths.end(), [](int d) { return d > hpl::kMaxLookaheadDepth; }))
          std::printf("%s: look-ahead depths above %d run as depth %d\n", shown.c_str(), hpl::kMaxLookaheadDepth,
                      hpl::kMaxLookaheadDepth);
        if (dat.swap == 0) std::printf("%s: SWAP 0 (binary exchange) runs as bramble's allgather\n", shown.c_str());
        if (dat.swap == 2) std::printf("%s: SWAP 2 (mix) runs as spread-roll (HPL's long)\n", shown.c_str());
      }
      const hpl::SwapAlgo swap = dat.swap >= 1 ? hpl::SwapAlgo::spread_roll : hpl::SwapAlgo::allgather;
      for (auto [p, q] : dat.grids) {
        check_grid(p, q, ranks, printable(opt_.hpl_dat, 200) + ": ", "");
        for (int depth : dat.depths)
          for (int bcast : dat.bcasts)
            for (auto n : dat.ns)
              for (int nb : dat.nbs)
                cases.push_back({n, nb, p, q, dat.pmap == 0 ? hpl::GridOrder::row_major : hpl::GridOrder::column_major,
                                 std::min(depth, hpl::kMaxLookaheadDepth), hpl::bcast_from_hpl_dat(bcast), swap,
                                 dat.threshold});
      }
    });
  } else {
    agree(ctx.world, [&] {
      if ((opt_.p == 0) != (opt_.q == 0)) throw InputError("give both --p and --q, or neither");
      auto [p, q] = opt_.p ? std::pair{opt_.p, opt_.q} : squarest_grid(ranks);
      check_grid(p, q, ranks, "", " (P x Q must equal the number of ranks)");
      std::int64_t n = opt_.n;
      if (n == 0) {
        std::int64_t min_avail = INT64_MAX;
        for (const auto& node : ctx.topology->nodes()) min_avail = std::min(min_avail, node.memory_available_bytes);
        n = n_from_memory(min_avail, ctx.topology->node_count(), opt_.mem_fraction, opt_.nb);
        // --quick shrinks only the size bramble picks; an explicit --n always wins.
        if (ctx.quick) n = std::min(n, std::max<std::int64_t>(opt_.nb, (kQuickN / opt_.nb) * opt_.nb));
        if (n < 1) throw InputError("no memory to size N from; give --n");
      }
      hpl::BcastAlgo bcast = hpl::BcastAlgo::ring_modified;
      hpl::parse_bcast(opt_.bcast, bcast);  // CLI11 checked the name
      cases.push_back({n, opt_.nb, p, q, hpl::GridOrder::row_major, opt_.no_lookahead ? 0 : opt_.depth, bcast,
                       opt_.swap == "spread-roll" ? hpl::SwapAlgo::spread_roll : hpl::SwapAlgo::allgather,
                       hpl::kHplThreshold});
    });
  }
  agree(ctx.world, [&] {
    for (const auto& c : cases) check_hpl_fits(*ctx.topology, c.n, c.nb, c.p, c.q, c.order);
  });
  return cases;
}

KernelResult HplKernel::run_case(const RunContext& ctx, const HplCase& c) const {
  hpl::ProcessGrid grid(ctx.world, c.p, c.q, c.order);
  const std::unique_ptr<hpl::DistMatrix> a = allocate_matrix(ctx, grid, c);
  const hpl::LuOptions lu = lu_options(c, opt_);
  warm_up(grid, c, lu);

  const std::string problem = problem_text(c);
  Repetitions reps;
  // The repetition policy and --min-phase-seconds may ask for more repetitions than --reps.
  for (int rep = 0; rep < opt_.reps || ctx.repeat_timed(reps.seconds); ++rep) {
    const TimedSolve solve = timed_solve(ctx, *a, lu, opt_.seed, problem, c.n);
    const ResidualCheck check = verify(*a, opt_.seed, solve, c.threshold);
    reps.add(solve, check);
    print_repetition(ctx, problem, rep, c.n, solve.seconds, check);
  }
  if (comm_rank(ctx.world) == 0) std::fflush(stdout);

  return report(ctx, c, opt_, reps);
}

void HplKernel::run(RunContext& ctx) {
  if (!cases_) prepare(ctx);
  const std::vector<HplCase> cases = *cases_;
  // Once, before the first case: every case runs on the same ranks, and the matrix is not
  // allocated yet. Outside every timed window (no start_timed), so HPL's figure is unchanged.
  std::optional<RanksDgemmRate> dgemm;
  if (!opt_.no_dgemm_rate) dgemm = measure_ranks_dgemm(ctx.world);
  for (const HplCase& c : cases) {
    KernelResult r = run_case(ctx, c);
    print_hpl_format(ctx, r);
    if (dgemm) judge_against_dgemm(ctx, c, *dgemm, r);
    if (comm_rank(ctx.world) == 0) std::fflush(stdout);
    ctx.record(r);
  }
}

}  // namespace bramble
