#pragma once
// Whitted-style ray tracing: at each hit, Phong shading from every point light that is not
// in shadow, plus a mirror ray for reflective surfaces, up to a maximum depth.
//
//   colour = sum over visible lights of  (albedo * max(n.l, 0) + white * max(r.v, 0)^shininess)
//          + reflectivity * colour(mirror ray)                       (depth < max_depth)
//
// Nothing is lit where no light reaches, and rays that escape return black, as in c-ray.
#include <cstdint>

#include "render/accelerator.hpp"

namespace bramble::render {

struct RayCount {
  std::uint64_t primary = 0, shadow = 0, reflected = 0;
  std::uint64_t total() const { return primary + shadow + reflected; }
};

class Tracer {
 public:
  Tracer(const Scene& scene, const Accelerator& accel, int max_depth = 5)
      : scene_(scene), accel_(accel), max_depth_(max_depth) {}
  Vec3 trace(const Ray& ray, int depth, RayCount& count) const;

 private:
  const Scene& scene_;
  const Accelerator& accel_;
  int max_depth_;
};

}  // namespace bramble::render
