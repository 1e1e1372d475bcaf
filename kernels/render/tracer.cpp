#include "render/tracer.hpp"

#include <cmath>

namespace bramble::render {

Vec3 Tracer::trace(const Ray& ray, int depth, RayCount& count) const {
  const Hit hit = accel_.closest(ray);
  if (!hit.found()) return {};
  const Sphere& s = scene_.spheres[hit.sphere];
  const Vec3 p = ray.origin + ray.dir * hit.t;
  const Vec3 n = (p - s.center) * (1.0 / s.radius);
  const Vec3 from = p + n * kSurfaceOffset;
  const Vec3 view = ray.dir * -1.0;
  Vec3 colour;
  for (const Vec3& light : scene_.lights) {
    const Vec3 to_light = light - from;
    const double distance = length(to_light);
    const Vec3 l = to_light * (1.0 / distance);
    const double diffuse = dot(n, l);
    if (diffuse <= 0) continue;  // the light is behind the surface: no shadow ray needed
    ++count.shadow;
    if (accel_.occluded({from, l}, distance)) continue;
    colour = colour + s.material.color * diffuse;
    if (s.material.shininess > 0) {
      const double r_dot_v = dot(reflect(l * -1.0, n), view);
      if (r_dot_v > 0) {
        const double spec = std::pow(r_dot_v, s.material.shininess);
        colour = colour + Vec3{spec, spec, spec};
      }
    }
  }
  if (s.material.reflectivity > 0 && depth < max_depth_) {
    ++count.reflected;
    const Ray mirror{from, normalize(reflect(ray.dir, n))};
    colour = colour + trace(mirror, depth + 1, count) * s.material.reflectivity;
  }
  return colour;
}

}  // namespace bramble::render
