#include "adapters/render/render_kernel.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "adapters/render/golden_checksums.hpp"
#include "adapters/render/image_io.hpp"
#include "adapters/render/render_sizing.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/disk_space.hpp"
#include "core/format_units.hpp"
#include "core/input_file.hpp"
#include "core/printable.hpp"
#include "render/schedule.hpp"
#include "render/scene_parser.hpp"
#include "render/sphereflake.hpp"
#include "suite/option_checks.hpp"
#include "suite/phase_timer.hpp"

namespace bramble {
namespace {

// ---- setup

// Every rank parses the scene itself (it is small) from the text rank 0 read; errors are agreed.
render::Scene read_scene(const RunContext& ctx, const std::string& path) {
  render::Scene scene;
  const std::string text = path.empty() ? "" : read_on_rank0(ctx.world, path, "scene file");
  agree(ctx.world, [&] {
    if (path.empty()) {
      scene = render::make_sphereflake(3);
      scene.name = "sphereflake";
      return;
    }
    try {
      scene = render::parse_scene(text, path);
    } catch (const render::SceneError& e) {
      throw InputError(printable(e.what()));  // it quotes the file's text, which may be anything
    }
  });
  return scene;
}

// --quick shrinks the defaults only: --width, --height and --spp given on the command line win.
// Without --spp the samples per pixel grow with the machine's cores (render_sizing.hpp).
render::RenderSettings settings_for(const RunContext& ctx, const RenderOptions& opt) {
  const int spp = opt.spp_given ? opt.spp : ctx.quick ? 1 : render_default_spp(total_physical_cores(*ctx.topology));
  render::RenderSettings s{opt.width, opt.height, spp, opt.tile};
  if (ctx.quick && !opt.size_given) {
    s.width = 400;
    s.height = 300;
  }
  return s;
}

// Before the scene is read or anything allocated.
void check_settings(const RunContext& ctx, const render::RenderSettings& s) {
  agree(ctx.world, [&] { check_render_fits(*ctx.topology, s.width, s.height, s.tile); });
}

// The BVH and the tracer keep references into the scene, so this stays where it is built.
struct Setup {
  Setup(const RunContext& ctx, const RenderOptions& opt)
      : settings(settings_for(ctx, opt)), scene((check_settings(ctx, settings), read_scene(ctx, opt.scene))),
        schedule(render::parse_schedule(opt.schedule)), depth(opt.depth), accel(scene.spheres, !opt.no_bvh),
        tracer(scene, accel, depth), camera(scene.camera, settings.width, settings.height) {}
  Setup(const Setup&) = delete;
  Setup& operator=(const Setup&) = delete;

  render::RenderSettings settings;  // first: checked before the scene is read
  render::Scene scene;
  render::Schedule schedule;
  int depth;
  render::Accelerator accel;
  render::Tracer tracer;
  render::PinholeCamera camera;
};

// ---- timed run

struct TimedRun {
  std::vector<std::uint8_t> image;    // whole on rank 0
  render::RankWork work;              // of the last repetition, the one that made `image`
  std::vector<double> rep_seconds;    // slowest rank's, per repetition
  std::vector<double> phase_seconds;  // this rank's, summed over repetitions
  double seconds = 0;                 // best repetition
};

// The whole image again while the repetition policy or --min-phase-seconds wants more.
TimedRun time_render(const RunContext& ctx, const Setup& setup) {
  PhaseTimer<render::RenderPhase> timer(render::kRenderPhaseCount);
  TimedRun run;
  do {
    const double t0 = ctx.start_timed();
    run.work = render::render_distributed(ctx.world, setup.tracer, setup.camera, setup.settings, setup.schedule,
                                          run.image, timer);
    run.rep_seconds.push_back(ctx.stop_timed(t0));
  } while (ctx.repeat_timed(run.rep_seconds));
  run.seconds = *std::min_element(run.rep_seconds.begin(), run.rep_seconds.end());
  run.phase_seconds = timer.seconds();
  return run;
}

// ---- verify

// Rank 0 renders a few tiles again on its own, with the plain loop over spheres rather
// than the BVH, and compares them byte for byte with what the schedule assembled: first,
// middle and last tile, and one picked by the image size. Returns the first tile that
// differs, if any.
std::optional<std::size_t> spot_check(const Setup& setup, const std::vector<std::uint8_t>& image, int& checked) {
  const render::RenderSettings& s = setup.settings;
  const render::Accelerator plain(setup.scene.spheres, /*use_bvh=*/false);
  const render::Tracer tracer(setup.scene, plain, setup.depth);
  const std::vector<render::Tile> tiles = render::make_tiles(s);
  std::vector<std::size_t> picks{0, tiles.size() / 2, tiles.size() - 1,
                                 (std::size_t(s.width) * 7919 + std::size_t(s.height)) % tiles.size()};
  std::sort(picks.begin(), picks.end());
  picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
  std::vector<std::uint8_t> mine(image.size(), 0);
  render::RayCount ignored;
  checked = 0;
  for (std::size_t i : picks) {
    const render::Tile& t = tiles[i];
    render::render_tile(tracer, setup.camera, s, t, mine, ignored);
    for (int y = t.y0; y < t.y1; ++y) {
      const std::size_t from = 3 * (std::size_t(y) * s.width + t.x0), len = 3 * std::size_t(t.x1 - t.x0);
      if (!std::equal(mine.begin() + from, mine.begin() + from + len, image.begin() + from)) return i;
    }
    ++checked;
  }
  return std::nullopt;
}

std::string coverage_text(const render::TileCoverage& c, const std::vector<render::Tile>& tiles) {
  if (c.complete()) return "every tile rendered exactly once, by the schedule's records";
  const render::Tile& t = tiles[c.first_bad];
  return "tile " + std::to_string(c.first_bad) + " (x " + std::to_string(t.x0) + "-" + std::to_string(t.x1 - 1) +
         ", y " + std::to_string(t.y0) + "-" + std::to_string(t.y1 - 1) + ") rendered " +
         std::to_string(c.first_bad_count) + " times; " + std::to_string(c.total - c.once) + " of " +
         std::to_string(c.total) + " tiles not rendered exactly once";
}

struct Verification {
  bool passed = false;             // on every rank
  std::vector<NamedValue> values;  // rank 0
  std::string line;                // rank 0: the checks in a few words, for the report line
};

// Every tile exactly once, spot-checked tiles equal to a plain-loop render, and the
// checksum equal to the golden one where there is one. Collective; rank 0 checks.
Verification verify(const RunContext& ctx, const Setup& setup, const TimedRun& run) {
  const std::vector<render::Tile> tiles = render::schedule_tiles(setup.settings, setup.schedule, comm_size(ctx.world));
  const std::vector<std::int32_t> counts = render::count_renders(ctx.world, run.work, tiles.size());
  Verification v;
  int passed = 0;
  agree(ctx.world, [&] {
    if (comm_rank(ctx.world) != 0) return;
    const render::TileCoverage coverage = render::check_coverage(counts);
    int spot_tiles = 0;
    const std::optional<std::size_t> spot_bad = spot_check(setup, run.image, spot_tiles);
    const std::uint64_t checksum = image_checksum(run.image);
    const render::RenderSettings& s = setup.settings;
    const GoldenCase key{setup.scene.name, scene_fingerprint(setup.scene), s.width, s.height, s.spp, setup.depth};
    const GoldenCheck golden = check_golden(key, checksum, golden_platform());
    passed = coverage.complete() && !spot_bad && golden.status != GoldenCheck::mismatch;
    v.values = {{"tiles_total", std::int64_t(coverage.total)},
                {"tiles_rendered_once", std::int64_t(coverage.once)},
                {"tile_coverage", coverage_text(coverage, tiles)},
                {"spot_check_tiles", std::int64_t{spot_tiles}},
                {"spot_check", spot_bad ? "tile " + std::to_string(*spot_bad) + " differs from a plain-loop render"
                                        : "rank 0 re-renders sample tiles alone without the BVH; bytes match"},
                {"checksum_fnv1a64", hex64(checksum)},
                {"golden_checksum", golden.text}};
    const char* golden_word[] = {"golden matched", "golden MISMATCH", "golden not checked"};  // by Status
    v.line = std::to_string(coverage.once) + "/" + std::to_string(coverage.total) + " tiles rendered once, " +
             std::to_string(spot_tiles) + " tiles spot-checked, checksum " + hex64(checksum) + ", " +
             golden_word[golden.status];
  });
  MPI_Bcast(&passed, 1, MPI_INT, 0, ctx.world);
  v.passed = passed == 1;
  return v;
}

// ---- record

// The PNG (and PPM) next to the result file; returns the PNG's path (rank 0).
std::string write_images(const RunContext& ctx, const Setup& setup, const TimedRun& run, bool ppm) {
  std::string png;
  agree(ctx.world, [&] {
    if (comm_rank(ctx.world) != 0) return;
    const int width = setup.settings.width, height = setup.settings.height;
    png = ctx.output_stem + "-" + setup.scene.name + ".png";
    write_png(png, width, height, run.image);
    if (ppm) write_ppm(ctx.output_stem + "-" + setup.scene.name + ".ppm", width, height, run.image);
  });
  return png;
}

// Rays and tiles per rank over the ranks, and load balance = mean busy / max busy.
void add_figures(const RunContext& ctx, const Setup& setup, const TimedRun& run, KernelResult& r) {
  std::uint64_t rays[2] = {run.work.rays.primary, run.work.rays.total()};
  MPI_Allreduce(MPI_IN_PLACE, rays, 2, MPI_UINT64_T, MPI_SUM, ctx.world);
  std::int64_t tiles_min = std::int64_t(run.work.rendered.size()), tiles_max = tiles_min;
  MPI_Allreduce(MPI_IN_PLACE, &tiles_min, 1, MPI_INT64_T, MPI_MIN, ctx.world);
  MPI_Allreduce(MPI_IN_PLACE, &tiles_max, 1, MPI_INT64_T, MPI_MAX, ctx.world);
  double busy_max = 0, busy_mean = 0;
  for (int k = 0; k < r.ranks; ++k) {
    const double busy = r.phase_seconds[std::size_t(k) * render::kRenderPhaseCount];
    busy_max = std::max(busy_max, busy);
    busy_mean += busy / r.ranks;
  }
  const render::RenderSettings& s = setup.settings;
  const double pixels = double(s.width) * s.height, seconds = run.seconds;
  r.figure_name = "msamples_per_s";
  r.unit = "Msamples/s";
  r.figure_of_merit = pixels * s.spp / seconds / 1e6;
  r.figures = {{"msamples_per_s", r.figure_of_merit},
               {"mpixels_per_s", pixels / seconds / 1e6},
               {"mrays_per_s", double(rays[1]) / seconds / 1e6},
               {"primary_rays", static_cast<std::int64_t>(rays[0])},
               {"rays", static_cast<std::int64_t>(rays[1])},
               {"load_balance", busy_max > 0 ? busy_mean / busy_max : 1.0},
               {"imbalance", busy_mean > 0 ? busy_max / busy_mean : 1.0},
               {"tiles_min", tiles_min},
               {"tiles_max", tiles_max},
               {"seconds", seconds}};
}

// The summary table shows only the time, the rate and the verdict; the balance and what
// was checked are shown here.
void print_line(const RunContext& ctx, const KernelResult& r, const Verification& v) {
  if (comm_rank(ctx.world) != 0) return;
  auto figure = [&r](const char* name) { return to_number(find_value(r.figures, name), 0.0); };
  std::printf("render %s: %.2f Msamples/s, %.2f Mrays/s, load balance %.3f, tiles %.0f-%.0f per rank, %s ... %s\n",
              r.problem.c_str(), r.figure_of_merit, figure("mrays_per_s"), figure("load_balance"), figure("tiles_min"),
              figure("tiles_max"), v.line.c_str(), r.verdict().c_str());
  std::fflush(stdout);
}

void record(RunContext& ctx, const RenderOptions& opt, const Setup& setup, const TimedRun& run, const Verification& v,
            const std::string& png) {
  const render::RenderSettings& s = setup.settings;
  KernelResult r;
  r.kernel = "render";
  r.ranks = comm_size(ctx.world);
  r.problem = setup.scene.name + " " + std::to_string(s.width) + "x" + std::to_string(s.height) +
              " spp=" + std::to_string(s.spp) + " " + opt.schedule + (opt.no_bvh ? " no-bvh" : "");
  r.rep_seconds = run.rep_seconds;
  ctx.record_phases(r, {std::begin(render::kRenderPhaseNames), std::end(render::kRenderPhaseNames)},
                    "seconds, summed over repetitions; render = busy, idle = waiting for the slowest rank",
                    run.phase_seconds);
  add_figures(ctx, setup, run, r);
  r.parameters = {{"scene", setup.scene.name},
                  {"scene_file", opt.scene.empty() ? std::string("(built in)") : opt.scene},
                  {"spheres", std::int64_t(setup.scene.spheres.size())},
                  {"lights", std::int64_t(setup.scene.lights.size())},
                  {"width", std::int64_t{s.width}}, {"height", std::int64_t{s.height}}, {"spp", std::int64_t{s.spp}},
                  {"schedule", opt.schedule}, {"tile", std::int64_t{s.tile}}, {"bvh", std::int64_t{!opt.no_bvh}},
                  {"max_depth", std::int64_t{opt.depth}}, {"image", png}};
  r.passed = v.passed;
  r.verification = v.values;
  print_line(ctx, r, v);
  ctx.record(r);
}

}  // namespace

std::uint64_t image_checksum(const std::vector<std::uint8_t>& rgb) {
  std::uint64_t h = kFnvOffset;
  for (std::uint8_t b : rgb) h = fnv1a(h, b);
  return h;
}

void RenderKernel::add_options(CLI::App& sub) {
  // No ExistingFile check: the file may exist only where rank 0 runs (read_on_rank0).
  sub.add_option("--scene", opt_.scene, "Scene file in c-ray format (default: built-in sphereflake)");
  const auto side = whole_number<int>(1, kMaxRenderSide);
  width_option_ = sub.add_option("--width", opt_.width, "Image width in pixels")->check(side)->capture_default_str();
  height_option_ = sub.add_option("--height", opt_.height, "Image height in pixels")->check(side)->capture_default_str();
  spp_option_ = sub.add_option("--spp", opt_.spp,
                               "Samples per pixel (jittered); default 4, doubled up to the machine's physical "
                               "cores (8 for 5-8 cores, ... 128 at most), 1 with --quick")
                    ->check(whole_number<int>(1, 4096));
  sub.add_option("--schedule", opt_.schedule, "Work distribution: static, cyclic or dynamic")
      ->check(CLI::IsMember({"static", "cyclic", "dynamic"}))->capture_default_str();
  sub.add_option("--tile", opt_.tile, "Tile edge in pixels")->check(whole_number<int>(1, 4096))->capture_default_str();
  sub.add_option("--depth", opt_.depth, "Maximum reflection depth")->check(whole_number<int>(0, 64))->capture_default_str();
  sub.add_flag("--no-bvh", opt_.no_bvh, "Test every sphere for every ray (no bounding-volume hierarchy)");
  sub.add_flag("--ppm", opt_.ppm, "Also write the image as binary PPM, as c-ray does");
}

// The size's memory, the scene file and the schedule, checked; the BVH is built in run().
void RenderKernel::prepare(RunContext& ctx) {
  opt_.size_given = width_option_->count() > 0 || height_option_->count() > 0;
  opt_.spp_given = spp_option_->count() > 0;
  const render::RenderSettings settings = settings_for(ctx, opt_);
  check_settings(ctx, settings);
  const render::Scene scene = read_scene(ctx, opt_.scene);
  agree(ctx.world, [&] {
    (void)render::parse_schedule(opt_.schedule);
    // Room for the images beside the result file: deflate usually shrinks a PNG, but a noisy
    // image stays near its raw size, so the raw size is what is asked for.
    if (comm_rank(ctx.world) != 0 || ctx.output_stem.empty()) return;
    const std::string png = ctx.output_stem + "-" + scene.name + ".png";
    const std::int64_t raw = 3 * std::int64_t{settings.width} * settings.height;
    const std::filesystem::path dir = std::filesystem::path(png).parent_path();
    const std::string problem = room_problem(dir.empty() ? "." : dir.string(), raw * (opt_.ppm ? 2 : 1),
                                             opt_.ppm ? "the PNG and the PPM, at most their raw size" : "the PNG, at most its raw size");
    if (!problem.empty()) throw IoError("cannot write image " + png + ": " + problem);
  });
}

void RenderKernel::run(RunContext& ctx) {
  opt_.size_given = width_option_->count() > 0 || height_option_->count() > 0;
  opt_.spp_given = spp_option_->count() > 0;
  const Setup setup(ctx, opt_);
  const TimedRun run = time_render(ctx, setup);
  const Verification verification = verify(ctx, setup, run);
  const std::string png = write_images(ctx, setup, run, opt_.ppm);
  record(ctx, opt_, setup, run, verification, png);
}

}  // namespace bramble
