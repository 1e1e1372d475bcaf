// Node-local pieces of the ray tracer, as rays per second: one ray-sphere test, a
// closest-hit query through the BVH (and the plain loop) on the sphereflake, and one
// 32 x 32 tile rendered with all its shadow and mirror rays.
#include <benchmark/benchmark.h>

#include "render/sphereflake.hpp"
#include "render/tile.hpp"

namespace {

using namespace bramble::render;

// Rays from the camera through a fixed pseudo-random set of image points.
std::vector<Ray> camera_rays(const Scene& scene, int count) {
  const PinholeCamera camera(scene.camera, 800, 600);
  std::vector<Ray> rays;
  for (int i = 0; i < count; ++i) {
    double dx = 0, dy = 0;
    sample_offset(i, i * 7, 0, 2, dx, dy);
    rays.push_back(camera.ray(dx * 800, dy * 600));
  }
  return rays;
}

void BM_RaySphere(benchmark::State& state) {
  const Sphere s{{0, 0, 0}, 1.0, {}};
  const Scene scene = make_sphereflake(0);
  const std::vector<Ray> rays = camera_rays(scene, 1024);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(intersect(rays[i++ & 1023], s, 1e-6, kInfinity));
  state.counters["rays/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RaySphere);

void BM_ClosestHit(benchmark::State& state) {
  const Scene scene = make_sphereflake(3);
  const Accelerator accel(scene.spheres, state.range(0) != 0);
  const std::vector<Ray> rays = camera_rays(scene, 4096);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(accel.closest(rays[i++ & 4095]));
  state.counters["rays/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ClosestHit)->ArgName("bvh")->Arg(1)->Arg(0);

void BM_RenderTile(benchmark::State& state) {
  const Scene scene = make_sphereflake(3);
  const Accelerator accel(scene.spheres, true);
  const Tracer tracer(scene, accel, 5);
  const RenderSettings s{800, 600, static_cast<int>(state.range(0)), 32};
  const PinholeCamera camera(scene.camera, s.width, s.height);
  std::vector<std::uint8_t> image(std::size_t(s.width) * s.height * 3);
  RayCount count;
  for (auto _ : state) render_tile(tracer, camera, s, Tile{384, 288, 416, 320}, image, count);
  state.counters["rays/s"] = benchmark::Counter(double(count.total()), benchmark::Counter::kIsRate);
  state.counters["samples/s"] = benchmark::Counter(double(count.primary), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderTile)->ArgName("spp")->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace
