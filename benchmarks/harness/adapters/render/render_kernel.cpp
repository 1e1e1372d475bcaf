#include "adapters/render/render_kernel.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "core/collective.hpp"
#include "core/format_units.hpp"
#include "core/comm_info.hpp"
#include "adapters/render/image_io.hpp"
#include "core/input_file.hpp"
#include "suite/phase_timer.hpp"
#include "render/schedule.hpp"
#include "render/scene_parser.hpp"
#include "render/sphereflake.hpp"

namespace bramble {
namespace {

// Rank 0 renders a few tiles again on its own, with the plain loop over spheres rather
// than the BVH, and compares them byte for byte with what the schedule assembled: first,
// middle and last tile, and one picked by the image size.
bool spot_check(const render::Scene& scene, const render::PinholeCamera& camera, const render::RenderSettings& s,
                int depth, const std::vector<std::uint8_t>& image, int& checked) {
  const render::Accelerator plain(scene.spheres, /*use_bvh=*/false);
  const render::Tracer tracer(scene, plain, depth);
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
    render::render_tile(tracer, camera, s, t, mine, ignored);
    for (int y = t.y0; y < t.y1; ++y) {
      const std::size_t from = 3 * (std::size_t(y) * s.width + t.x0), len = 3 * std::size_t(t.x1 - t.x0);
      if (!std::equal(mine.begin() + from, mine.begin() + from + len, image.begin() + from)) return false;
    }
    ++checked;
  }
  return true;
}

}  // namespace

std::uint64_t image_checksum(const std::vector<std::uint8_t>& rgb) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::uint8_t b : rgb) h = (h ^ b) * 0x100000001b3ULL;
  return h;
}

void RenderKernel::add_options(CLI::App& sub) {
  // No ExistingFile check: the file may exist only where rank 0 runs (read_on_rank0).
  sub.add_option("--scene", opt_.scene, "Scene file in c-ray format (default: built-in sphereflake)");
  sub.add_option("--width", opt_.width, "Image width in pixels")->check(CLI::Range(1, 1 << 15))->capture_default_str();
  sub.add_option("--height", opt_.height, "Image height in pixels")->check(CLI::Range(1, 1 << 15))->capture_default_str();
  sub.add_option("--spp", opt_.spp, "Samples per pixel (jittered)")->check(CLI::Range(1, 4096))->capture_default_str();
  sub.add_option("--schedule", opt_.schedule, "Work distribution: static, cyclic or dynamic")
      ->check(CLI::IsMember({"static", "cyclic", "dynamic"}))->capture_default_str();
  sub.add_option("--tile", opt_.tile, "Tile edge in pixels")->check(CLI::Range(1, 4096))->capture_default_str();
  sub.add_option("--depth", opt_.depth, "Maximum reflection depth")->check(CLI::Range(0, 64))->capture_default_str();
  sub.add_flag("--no-bvh", opt_.no_bvh, "Test every sphere for every ray (no bounding-volume hierarchy)");
  sub.add_flag("--ppm", opt_.ppm, "Also write the image as binary PPM, as c-ray does");
}

void RenderKernel::run(RunContext& ctx) {
  const int ranks = comm_size(ctx.world), me = comm_rank(ctx.world);
  // setup: every rank loads the scene itself (it is small); errors are agreed.
  render::Scene scene;
  const std::string text = opt_.scene.empty() ? "" : read_on_rank0(ctx.world, opt_.scene, "scene file");
  agree(ctx.world, [&] {
    if (opt_.scene.empty()) {
      scene = render::make_sphereflake(3);
      scene.name = "sphereflake";
      return;
    }
    try {
      scene = render::parse_scene(text, opt_.scene);
    } catch (const render::SceneError& e) {
      throw InputError(e.what());
    }
  });
  render::RenderSettings s{opt_.width, opt_.height, ctx.quick ? 1 : opt_.spp, opt_.tile};
  if (ctx.quick && opt_.width == 800 && opt_.height == 600) {
    s.width = 400;
    s.height = 300;
  }
  const render::Accelerator accel(scene.spheres, !opt_.no_bvh);
  const render::Tracer tracer(scene, accel, opt_.depth);
  const render::PinholeCamera camera(scene.camera, s.width, s.height);
  const render::Schedule schedule = render::parse_schedule(opt_.schedule);

  // timed run
  // timed run: the whole image again while --min-phase-seconds wants a longer phase
  PhaseTimer<render::RenderPhase> timer(render::kRenderPhaseCount);
  std::vector<std::uint8_t> image;
  render::RankWork work;
  std::vector<double> rep_seconds;
  do {
    const double t0 = ctx.start_timed();
    work = render::render_distributed(ctx.world, tracer, camera, s, schedule, image, timer);
    rep_seconds.push_back(ctx.stop_timed(t0));
  } while (ctx.extend_timed());
  const double seconds = *std::min_element(rep_seconds.begin(), rep_seconds.end());

  // verify (rank 0 holds the image) and write the image files
  int verdict[2] = {0, 0};  // passed, tiles checked
  std::string checksum, png;
  agree(ctx.world, [&] {
    if (me != 0) return;
    verdict[0] = spot_check(scene, camera, s, opt_.depth, image, verdict[1]) ? 1 : 0;
    checksum = hex64(image_checksum(image));
    png = ctx.output_stem + "-" + scene.name + ".png";
    write_png(png, s.width, s.height, image);
    if (opt_.ppm) write_ppm(ctx.output_stem + "-" + scene.name + ".ppm", s.width, s.height, image);
  });
  MPI_Bcast(verdict, 2, MPI_INT, 0, ctx.world);

  // report
  std::uint64_t rays[2] = {work.rays.primary, work.rays.total()};
  MPI_Allreduce(MPI_IN_PLACE, rays, 2, MPI_UINT64_T, MPI_SUM, ctx.world);
  int tiles_min = work.tiles, tiles_max = work.tiles;
  MPI_Allreduce(MPI_IN_PLACE, &tiles_min, 1, MPI_INT, MPI_MIN, ctx.world);
  MPI_Allreduce(MPI_IN_PLACE, &tiles_max, 1, MPI_INT, MPI_MAX, ctx.world);
  KernelResult r;
  r.kernel = "render";
  r.ranks = ranks;
  r.problem = scene.name + " " + std::to_string(s.width) + "x" + std::to_string(s.height) + " spp=" +
              std::to_string(s.spp) + " " + opt_.schedule + (opt_.no_bvh ? " no-bvh" : "");
  r.rep_seconds = rep_seconds;
  ctx.record_phases(r, {std::begin(render::kRenderPhaseNames), std::end(render::kRenderPhaseNames)},
                    "seconds, summed over repetitions; render = busy, idle = waiting for the slowest rank",
                    timer.seconds());
  double busy_max = 0, busy_mean = 0;
  for (int k = 0; k < ranks; ++k) {
    const double busy = r.phase_seconds[std::size_t(k) * render::kRenderPhaseCount];
    busy_max = std::max(busy_max, busy);
    busy_mean += busy / ranks;
  }
  const double pixels = double(s.width) * s.height;
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
               {"tiles_min", std::int64_t{tiles_min}},
               {"tiles_max", std::int64_t{tiles_max}},
               {"seconds", seconds}};
  r.parameters = {{"scene", scene.name}, {"scene_file", opt_.scene.empty() ? std::string("(built in)") : opt_.scene},
                  {"spheres", std::int64_t(scene.spheres.size())}, {"lights", std::int64_t(scene.lights.size())},
                  {"width", std::int64_t{s.width}}, {"height", std::int64_t{s.height}}, {"spp", std::int64_t{s.spp}},
                  {"schedule", opt_.schedule}, {"tile", std::int64_t{s.tile}}, {"bvh", std::int64_t{!opt_.no_bvh}},
                  {"max_depth", std::int64_t{opt_.depth}}, {"image", png}};
  r.passed = verdict[0] == 1;
  r.verification = {{"spot_check_tiles", std::int64_t{verdict[1]}},
                    {"spot_check", std::string("rank 0 re-renders sample tiles alone without the BVH; bytes must match")},
                    {"checksum_fnv1a64", checksum}};
  if (me == 0) {
    std::printf("render %s: %.3f s, %.2f Msamples/s, %.2f Mpixels/s, %.2f Mrays/s, load balance %.3f, tiles %d-%d per rank, "
                "checksum %s, %d tiles spot-checked ... %s\n",
                r.problem.c_str(), seconds, r.figure_of_merit, pixels / seconds / 1e6, double(rays[1]) / seconds / 1e6,
                busy_max > 0 ? busy_mean / busy_max : 1.0, tiles_min, tiles_max, checksum.c_str(), verdict[1],
                r.verdict().c_str());
    std::fflush(stdout);
  }
  ctx.record(r);
}

}  // namespace bramble
