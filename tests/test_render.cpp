// The ray tracer on 1, 2 and 4 ranks: every schedule gives the same image as one rank
// alone, the BVH gives the same image as the plain loop, and a one-sphere scene matches
// closed-form Lambert shading pixel by pixel.
#include <gtest/gtest.h>
#include <mpi.h>

#include <cmath>
#include <numbers>

#include "render/scene_parser.hpp"
#include "render/schedule.hpp"
#include "render/sphereflake.hpp"
#include "adapters/render/render_kernel.hpp"

namespace bramble::render {
namespace {

int world_rank() {
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}

std::vector<std::uint8_t> render(MPI_Comm comm, const Scene& scene, const RenderSettings& s, Schedule schedule,
                                 bool bvh, RankWork* work = nullptr) {
  const Accelerator accel(scene.spheres, bvh);
  const Tracer tracer(scene, accel, 5);
  const PinholeCamera camera(scene.camera, s.width, s.height);
  std::vector<std::uint8_t> image;
  PhaseObserver<RenderPhase> quiet;
  const RankWork w = render_distributed(comm, tracer, camera, s, schedule, image, quiet);
  if (work) *work = w;
  return image;
}

TEST(Render, EverySchedulesImageEqualsTheSingleRankImage) {
  Scene scene = make_sphereflake(2);
  const RenderSettings s{61, 43, 2, 8};  // sizes that do not divide by the tile or the rank count
  const std::vector<std::uint8_t> alone = render(MPI_COMM_SELF, scene, s, Schedule::static_rows, true);
  for (Schedule schedule : {Schedule::static_rows, Schedule::cyclic, Schedule::dynamic}) {
    RankWork work;
    const std::vector<std::uint8_t> image = render(MPI_COMM_WORLD, scene, s, schedule, true, &work);
    int tiles = work.tiles, total = 0;
    MPI_Allreduce(&tiles, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (schedule != Schedule::static_rows) {
      EXPECT_EQ(total, 8 * 6) << schedule_name(schedule);  // every tile exactly once
    }
    if (world_rank() == 0) {
      EXPECT_EQ(image, alone) << schedule_name(schedule);
    }
  }
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

// Reference images of the shipped scenes, 64x48 at 2 samples per pixel, by checksum.
// Recorded on x86-64 (GCC 12, glibc 2.36). Pixels are 8-bit, so another libm's last-bit
// differences in pow/tan/sqrt rarely show; if this fails on another platform only, look
// at the image before suspecting the code.
TEST(Render, ShippedScenesMatchTheirReferenceImages) {
  const std::pair<const char*, std::uint64_t> references[] = {{"simple", 0x88cc5aa255eaff78ULL},
                                                              {"sphereflake", 0x1334c32da2314650ULL}};
  for (auto [name, checksum] : references) {
    const Scene scene = load_scene(std::string(BRAMBLE_SCENES) + "/" + name + ".scene");
    const std::vector<std::uint8_t> image = render(MPI_COMM_WORLD, scene, {64, 48, 2, 32}, Schedule::dynamic, true);
    if (world_rank() == 0) {
      EXPECT_EQ(bramble::image_checksum(image), checksum) << name;
    }
  }
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
