// The ray tracer on 1, 2 and 4 ranks: every schedule gives the same image as one rank
// alone and renders every tile exactly once, the coverage check catches a skipped and a
// doubled tile, the image assembles the same in small pieces, the BVH gives the same image
// as the plain loop, the shipped scenes match their golden checksums, and a one-sphere
// scene matches closed-form Lambert shading pixel by pixel.
#include <gtest/gtest.h>

#include <regex>
#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "adapters/render/golden_checksums.hpp"
#include "adapters/render/render_kernel.hpp"
#include "render/scene_parser.hpp"
#include "render/schedule.hpp"
#include "render/sphereflake.hpp"

namespace bramble::render {
namespace {

int world_rank() {
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}

int world_size() {
  int n = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &n);
  return n;
}

const char* name_of(Schedule s) {
  return s == Schedule::static_rows ? "static" : s == Schedule::cyclic ? "cyclic" : "dynamic";
}

constexpr Schedule kSchedules[] = {Schedule::static_rows, Schedule::cyclic, Schedule::dynamic};

std::vector<std::uint8_t> render(MPI_Comm comm, const Scene& scene, const RenderSettings& s, Schedule schedule,
                                 bool bvh, RankWork* work = nullptr, std::size_t reduce_chunk = kMaxReduceChunk) {
  const Accelerator accel(scene.spheres, bvh);
  const Tracer tracer(scene, accel, 5);
  const PinholeCamera camera(scene.camera, s.width, s.height);
  std::vector<std::uint8_t> image;
  PhaseObserver<RenderPhase> quiet;
  const RankWork w = render_distributed(comm, tracer, camera, s, schedule, image, quiet, reduce_chunk);
  if (work) *work = w;
  return image;
}

TEST(Render, EverySchedulesImageEqualsTheSingleRankImage) {
  Scene scene = make_sphereflake(2);
  const RenderSettings s{61, 43, 2, 8};  // sizes that do not divide by the tile or the rank count
  const std::vector<std::uint8_t> alone = render(MPI_COMM_SELF, scene, s, Schedule::static_rows, true);
  for (Schedule schedule : kSchedules) {
    RankWork work;
    const std::vector<std::uint8_t> image = render(MPI_COMM_WORLD, scene, s, schedule, true, &work);
    const std::size_t tiles = schedule_tiles(s, schedule, world_size()).size();
    const std::vector<std::int32_t> counts = count_renders(MPI_COMM_WORLD, work, tiles);
    if (world_rank() == 0) {
      const TileCoverage coverage = check_coverage(counts);
      EXPECT_TRUE(coverage.complete()) << name_of(schedule) << ": tile " << coverage.first_bad << " rendered "
                                       << coverage.first_bad_count << " times";
      EXPECT_EQ(image, alone) << name_of(schedule);
    }
  }
}

// The coverage check relies on each schedule's tile list covering every pixel once.
TEST(Render, EverySchedulesTilesCoverEveryPixelOnce) {
  for (const RenderSettings s :
       {RenderSettings{61, 43, 1, 8}, RenderSettings{5, 3, 1, 32}, RenderSettings{32, 64, 1, 16}})
    for (Schedule schedule : kSchedules)
      for (int ranks : {1, 2, 3, 4, 7}) {
        std::vector<int> hits(std::size_t(s.width) * s.height, 0);
        for (const Tile& t : schedule_tiles(s, schedule, ranks))
          for (int y = t.y0; y < t.y1; ++y)
            for (int x = t.x0; x < t.x1; ++x) ++hits[std::size_t(y) * s.width + x];
        EXPECT_EQ(std::count(hits.begin(), hits.end(), 1), std::ptrdiff_t(hits.size()))
            << name_of(schedule) << " " << s.width << "x" << s.height << " tile " << s.tile << " on " << ranks;
      }
}

TEST(Render, CoverageCheckNamesTheFirstTileNotRenderedOnce) {
  const TileCoverage fine = check_coverage({1, 1, 1, 1});
  EXPECT_TRUE(fine.complete());
  EXPECT_EQ(fine.total, 4u);
  EXPECT_EQ(fine.once, 4u);

  const TileCoverage skipped = check_coverage({1, 1, 0, 1});
  EXPECT_FALSE(skipped.complete());
  EXPECT_EQ(skipped.once, 3u);
  EXPECT_EQ(skipped.first_bad, 2u);
  EXPECT_EQ(skipped.first_bad_count, 0);

  const TileCoverage doubled = check_coverage({1, 2, 1, 0});
  EXPECT_FALSE(doubled.complete());
  EXPECT_EQ(doubled.once, 2u);
  EXPECT_EQ(doubled.first_bad, 1u);
  EXPECT_EQ(doubled.first_bad_count, 2);
}

// The ranks' records of a real render, then with a tile dropped and a tile doubled: the
// image of such a run can look right, the counts cannot.
TEST(Render, TileCountsShowASkippedAndADoubledTile) {
  const Scene scene = make_sphereflake(1);
  const RenderSettings s{40, 30, 1, 8};
  RankWork work;
  render(MPI_COMM_WORLD, scene, s, Schedule::dynamic, true, &work);
  const std::size_t tiles = schedule_tiles(s, Schedule::dynamic, world_size()).size();
  const TileCoverage as_rendered = check_coverage(count_renders(MPI_COMM_WORLD, work, tiles));

  // Tile 5 rendered by no one: whoever recorded it forgets it.
  RankWork skipped = work;
  std::erase(skipped.rendered, std::size_t{5});
  const TileCoverage without = check_coverage(count_renders(MPI_COMM_WORLD, skipped, tiles));
  // Tile 3 rendered again by the last rank.
  RankWork doubled = work;
  if (world_rank() == world_size() - 1) doubled.rendered.push_back(3);
  const TileCoverage twice = check_coverage(count_renders(MPI_COMM_WORLD, doubled, tiles));
  if (world_rank() == 0) {
    EXPECT_TRUE(as_rendered.complete());
    EXPECT_FALSE(without.complete());
    EXPECT_EQ(without.once, tiles - 1);
    EXPECT_EQ(without.first_bad, 5u);
    EXPECT_EQ(without.first_bad_count, 0);
    EXPECT_FALSE(twice.complete());
    EXPECT_EQ(twice.first_bad, 3u);
    EXPECT_EQ(twice.first_bad_count, 2);
  }
}

// Images beyond INT_MAX bytes (32768 x 32768 x 3 is accepted) need several MPI calls;
// small chunks show the pieces fit together, including a short last one.
TEST(Render, ImageAssembledInSmallChunksEqualsOneReduce) {
  const Scene scene = make_sphereflake(1);
  const RenderSettings s{23, 17, 1, 4};  // 1173 bytes: no chunk size below divides it
  const std::vector<std::uint8_t> whole = render(MPI_COMM_WORLD, scene, s, Schedule::cyclic, true);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{1000}, std::size_t{1173}}) {
    const std::vector<std::uint8_t> pieces = render(MPI_COMM_WORLD, scene, s, Schedule::cyclic, true, nullptr, chunk);
    if (world_rank() == 0) {
      EXPECT_EQ(pieces, whole) << "chunk " << chunk;
    }
  }
}

TEST(Render, ReduceInChunksSumsEveryElement) {
  const int me = world_rank(), ranks = world_size();
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{10}, std::size_t{64}}) {
    std::vector<std::int32_t> v(10);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::int32_t(i) * 100 + me + 1;
    reduce_in_chunks(MPI_COMM_WORLD, v.data(), v.size(), MPI_INT32_T, MPI_SUM, chunk);
    if (me != 0) continue;
    for (std::size_t i = 0; i < v.size(); ++i) {
      EXPECT_EQ(v[i], std::int32_t(i) * 100 * ranks + ranks * (ranks + 1) / 2) << "chunk " << chunk << " element " << i;
    }
  }
  std::int32_t x = 0;
  EXPECT_THROW(reduce_in_chunks(MPI_COMM_WORLD, &x, 1, MPI_INT32_T, MPI_SUM, 0), std::invalid_argument);
}

TEST(Render, BvhAndPlainLoopGiveTheSameImage) {
  Scene scene = make_sphereflake(2);
  const RenderSettings s{48, 36, 1, 16};
  const std::vector<std::uint8_t> with = render(MPI_COMM_WORLD, scene, s, Schedule::cyclic, true);
  const std::vector<std::uint8_t> without = render(MPI_COMM_WORLD, scene, s, Schedule::cyclic, false);
  if (world_rank() == 0) {
    EXPECT_EQ(with, without);
    int lit = 0;
    for (std::uint8_t b : with) lit += b != 0;
    EXPECT_GT(lit, int(with.size()) / 4);  // the picture is not blank
  }
}

TEST(Render, BvhFindsExactlyWhatThePlainLoopFinds) {
  const Scene scene = make_sphereflake(3);  // 820 spheres and a huge ground sphere
  const Accelerator bvh(scene.spheres, true), plain(scene.spheres, false);
  const PinholeCamera camera(scene.camera, 200, 150);
  int hits = 0;
  for (int i = 0; i < 20000; ++i) {
    double dx = 0, dy = 0;
    sample_offset(i, 3 * i, 1, 2, dx, dy);
    Ray ray = camera.ray(dx * 200, dy * 150);
    if (i % 2) ray = {Vec3{dx - 0.5, 1.2, dy - 0.5}, normalize(Vec3{dy - 0.5, dx - 0.5, 0.3})};  // from inside the flake
    const Hit a = bvh.closest(ray), b = plain.closest(ray);
    ASSERT_EQ(a.sphere, b.sphere) << "ray " << i;
    ASSERT_EQ(a.t, b.t) << "ray " << i;
    hits += a.found();
    ASSERT_EQ(bvh.occluded(ray, 0.5), plain.occluded(ray, 0.5)) << "ray " << i;
  }
  EXPECT_GT(hits, 10000);
}

// The golden table's entries for this platform that render in well under a second: the
// 64x48 and --quick sizes of both shipped scenes. Pixels are 8-bit, so another libm's
// last-bit differences in pow/tan/sqrt rarely show; if this fails on another platform
// only, look at the image before suspecting the code.
TEST(Render, ShippedScenesMatchTheirGoldenChecksums) {
  int checked = 0;
  for (const GoldenChecksum& g : kGoldenChecksums) {
    if (!golden_measured_on(g, golden_platform()) || g.width * g.height * g.spp > 400 * 300) continue;
    const Scene scene = load_scene(std::string(BRAMBLE_SCENES) + "/" + g.scene + ".scene");
    ASSERT_EQ(bramble::scene_fingerprint(scene), g.scene_fingerprint) << g.scene << ".scene changed";
    ASSERT_EQ(g.depth, 5);  // what render() traces to
    const std::vector<std::uint8_t> image =
        render(MPI_COMM_WORLD, scene, {g.width, g.height, g.spp, 32}, Schedule::dynamic, true);
    if (world_rank() == 0) {
      EXPECT_EQ(hex64(bramble::image_checksum(image)), hex64(g.image)) << g.scene << " " << g.width << "x" << g.height;
    }
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "no golden checksums for " << golden_platform() << " yet";
  EXPECT_GE(checked, 4);
}

// The built-in scene is the default of `run render`; it must find the file's entries.
TEST(Render, BuiltInSphereflakeIsTheShippedFile) {
  EXPECT_EQ(bramble::scene_fingerprint(make_sphereflake(3)),
            bramble::scene_fingerprint(load_scene(std::string(BRAMBLE_SCENES) + "/sphereflake.scene")));
}

TEST(Render, GoldenCheckMatchesFailsOrSaysNotChecked) {
  const GoldenCase quick{"simple", 0xd99f6b22aaacd426ULL, 400, 300, 1, 5};
  const std::string x86 = "x86-64 gcc-12 glibc-2.36", arm = "aarch64 gcc-12 glibc-2.36";
  const GoldenCheck ok = check_golden(quick, 0xdecc0ab5a9f92cbeULL, x86);
  EXPECT_EQ(ok.status, GoldenCheck::matched) << ok.text;
  const GoldenCheck bad = check_golden(quick, 0xdecc0ab5a9f92cbfULL, x86);
  EXPECT_EQ(bad.status, GoldenCheck::mismatch);
  EXPECT_NE(bad.text.find("MISMATCH: image decc0ab5a9f92cbf, golden decc0ab5a9f92cbe"), std::string::npos) << bad.text;
  // No entry: neither passed nor failed by the golden check, and the text says which case.
  const GoldenCheck other_platform = check_golden(quick, 0xdecc0ab5a9f92cbeULL, "riscv64 gcc-12 glibc-2.36");
  EXPECT_EQ(other_platform.status, GoldenCheck::not_checked);
  EXPECT_EQ(other_platform.text,
            "not checked: no golden value for simple (scene d99f6b22aaacd426) 400x300 spp=1 depth=5 on riscv64 gcc-12 "
            "glibc-2.36");
  // One entry serves every toolchain it names, and only those (x86-64 and aarch64 here).
  EXPECT_EQ(check_golden(quick, 0xdecc0ab5a9f92cbeULL, arm).status, GoldenCheck::matched);
  EXPECT_EQ(check_golden(quick, 0xdecc0ab5a9f92cbeULL, "x86 gcc-12 glibc-2.36").status, GoldenCheck::not_checked);
  const GoldenCase full{"simple", 0xd99f6b22aaacd426ULL, 800, 600, 4, 5};
  EXPECT_EQ(check_golden(full, 0xe8f0ab86bf7bcc49ULL, arm).status, GoldenCheck::not_checked);
  GoldenCase edited = quick;
  edited.scene_fingerprint ^= 1;  // a different file called simple.scene
  EXPECT_EQ(check_golden(edited, 0xdecc0ab5a9f92cbeULL, x86).status, GoldenCheck::not_checked);
  GoldenCase deeper = quick;
  deeper.depth = 4;
  EXPECT_EQ(check_golden(deeper, 0xdecc0ab5a9f92cbeULL, x86).status, GoldenCheck::not_checked);
}

// The image depends on the compiler and libm as well as the architecture, so the key names
// all three: a toolchain nobody measured is "not checked", never FAILED for a correct image
// that differs in its last bits; the measured toolchain still checks, and a wrong image
// there still fails.
TEST(Render, GoldensAreKeyedOnTheToolchainNotTheArchitectureAlone) {
  const GoldenCase quick{"simple", 0xd99f6b22aaacd426ULL, 400, 300, 1, 5};
  const std::string measured = "x86-64 gcc-12 glibc-2.36";
  EXPECT_EQ(check_golden(quick, 0xdecc0ab5a9f92cbeULL, measured).status, GoldenCheck::matched);
  EXPECT_EQ(check_golden(quick, 0xdecc0ab5a9f92cbfULL, measured).status, GoldenCheck::mismatch);
  for (const char* other : {"x86-64", "x86-64 gcc-14 glibc-2.36", "x86-64 gcc-12 glibc-2.39",
                            "x86-64 clang-16 glibc-2.36", "x86-64 gcc-12 libc-unknown"}) {
    const GoldenCheck c = check_golden(quick, 0xdecc0ab5a9f92cbfULL, other);
    EXPECT_EQ(c.status, GoldenCheck::not_checked) << other << ": " << c.text;
  }
  // This build's key: the architecture, the compiler and the C library, with their versions.
  const std::string mine = golden_platform();
  const std::regex key("(x86-64|aarch64|unknown) (gcc-[0-9]+|clang-[0-9]+|compiler-unknown) "
                       "(glibc-[0-9]+[.][0-9]+|libc-unknown)");
  EXPECT_TRUE(std::regex_match(mine, key)) << mine;
}

TEST(Render, OneSphereMatchesClosedFormShading) {
  Scene scene;
  scene.spheres = {Sphere{{0, 0, 0}, 1.0, Material{{0.8, 0.6, 0.4}, 0.0, 0.0}}};
  scene.lights = {{0, 0, -10}};
  scene.camera = Camera{{0, 0, -5}, 45.0, {0, 0, 0}};
  const int w = 64, h = 48;
  const std::vector<std::uint8_t> image = render(MPI_COMM_WORLD, scene, {w, h, 1, 16}, Schedule::dynamic, true);
  if (world_rank() != 0) return;
  // Independent closed form: camera looks along +z, x right, y up; vertical fov 45 degrees.
  const double half_h = std::tan(45.0 * std::numbers::pi / 360.0), half_w = half_h * w / h;
  int hits = 0, misses = 0;
  for (auto [x, y] : {std::pair{32, 24}, {36, 20}, {26, 30}, {40, 24}, {32, 31}, {1, 1}, {63, 47}}) {
    const double sx = (2.0 * (x + 0.5) / w - 1.0) * half_w, sy = (1.0 - 2.0 * (y + 0.5) / h) * half_h;
    const double len = std::sqrt(sx * sx + sy * sy + 1.0);
    const double dx = sx / len, dy = sy / len, dz = 1.0 / len;
    // |o + t d|^2 = 1 with o = (0, 0, -5): t^2 - 10 dz t + 24 = 0
    const double disc = 25 * dz * dz - 24;
    const std::uint8_t* px = image.data() + 3 * (y * w + x);
    if (disc < 0) {
      EXPECT_EQ(px[0] + px[1] + px[2], 0) << "pixel " << x << "," << y << " should see only black";
      ++misses;
      continue;
    }
    const double t = 5 * dz - std::sqrt(disc);
    const double p[3] = {t * dx, t * dy, -5 + t * dz};  // = the normal, radius 1
    const double l[3] = {-p[0], -p[1], -10 - p[2]};
    const double ll = std::sqrt(l[0] * l[0] + l[1] * l[1] + l[2] * l[2]);
    const double lambert = (p[0] * l[0] + p[1] * l[1] + p[2] * l[2]) / ll;
    const double albedo[3] = {0.8, 0.6, 0.4};
    for (int c = 0; c < 3; ++c)
      EXPECT_NEAR(px[c], std::clamp(albedo[c] * lambert, 0.0, 1.0) * 255.0, 0.51 + 1e-3)
          << "pixel " << x << "," << y << " channel " << c;
    ++hits;
  }
  EXPECT_EQ(hits, 5);
  EXPECT_EQ(misses, 2);
}

TEST(Render, ShadowsAndReflectionsChangeThePicture) {
  // A small sphere between the light and a big one darkens part of the big one.
  Scene scene;
  scene.spheres = {Sphere{{0, 0, 0}, 1.0, Material{{1, 1, 1}, 0.0, 0.0}},
                   Sphere{{0, 0, -3}, 0.3, Material{{1, 0, 0}, 0.0, 0.0}}};
  scene.lights = {{0, 0, -10}};
  scene.camera = Camera{{3, 0, -5}, 45.0, {0, 0, 0}};
  const RenderSettings s{40, 40, 1, 8};
  Scene no_blocker = scene;
  no_blocker.spheres.pop_back();
  const auto with = render(MPI_COMM_WORLD, scene, s, Schedule::cyclic, true);
  const auto without = render(MPI_COMM_WORLD, no_blocker, s, Schedule::cyclic, true);
  if (world_rank() == 0) {
    EXPECT_NE(with, without);
  }
  Scene mirror = no_blocker;
  mirror.spheres[0].material.reflectivity = 0.9;
  mirror.spheres.push_back(Sphere{{-2.5, 0, -1}, 0.5, Material{{0, 1, 0}, 10.0, 0.0}});
  Scene matte = mirror;
  matte.spheres[0].material.reflectivity = 0.0;
  if (world_rank() == 0) {
    EXPECT_NE(render(MPI_COMM_SELF, mirror, s, Schedule::static_rows, true),
              render(MPI_COMM_SELF, matte, s, Schedule::static_rows, true));
  }
}

}  // namespace
}  // namespace bramble::render
