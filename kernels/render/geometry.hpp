#pragma once
// Rays, ray-sphere intersection and axis-aligned boxes: the geometry the tracer is built on.
#include <algorithm>
#include <limits>

#include "render/scene.hpp"

namespace bramble::render {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Rays leaving a surface start this far along the normal, so they do not hit it again.
inline constexpr double kSurfaceOffset = 1e-6;

struct Ray {
  Vec3 origin, dir;  // dir is unit length
};

// Nearest t in (t_min, t_max) where the ray meets the sphere, or kInfinity. Solves
// |o + t d - c|^2 = r^2 with |d| = 1: t = b -+ sqrt(b^2 - |o - c|^2 + r^2), b = d.(c - o).
inline double intersect(const Ray& ray, const Sphere& s, double t_min, double t_max) {
  const Vec3 oc = s.center - ray.origin;
  const double b = dot(ray.dir, oc);
  const double disc = b * b - dot(oc, oc) + s.radius * s.radius;
  if (disc < 0) return kInfinity;
  const double root = std::sqrt(disc);
  double t = b - root;
  if (t <= t_min) t = b + root;
  return (t > t_min && t < t_max) ? t : kInfinity;
}

struct Box3 {
  Vec3 lo{kInfinity, kInfinity, kInfinity}, hi{-kInfinity, -kInfinity, -kInfinity};
  void grow(const Box3& b) {
    lo = {std::min(lo.x, b.lo.x), std::min(lo.y, b.lo.y), std::min(lo.z, b.lo.z)};
    hi = {std::max(hi.x, b.hi.x), std::max(hi.y, b.hi.y), std::max(hi.z, b.hi.z)};
  }
};

inline Box3 bounds(const Sphere& s) {
  const Vec3 r{s.radius, s.radius, s.radius};
  return {s.center - r, s.center + r};
}

// Slab test: does the ray enter the box before t_max? inv_dir = 1/dir per component.
// `entry` receives the distance at which it enters (0 if it starts inside).
inline bool hits(const Box3& b, const Ray& ray, Vec3 inv_dir, double t_max, double& entry) {
  double t0 = 0, t1 = t_max;
  const double lo[3] = {b.lo.x, b.lo.y, b.lo.z}, hi[3] = {b.hi.x, b.hi.y, b.hi.z};
  const double o[3] = {ray.origin.x, ray.origin.y, ray.origin.z}, inv[3] = {inv_dir.x, inv_dir.y, inv_dir.z};
  for (int a = 0; a < 3; ++a) {
    double near = (lo[a] - o[a]) * inv[a], far = (hi[a] - o[a]) * inv[a];
    if (near > far) std::swap(near, far);
    t0 = near > t0 ? near : t0;
    t1 = far < t1 ? far : t1;
    if (t0 > t1) return false;
  }
  entry = t0;
  return true;
}

}  // namespace bramble::render
