#include "render/accelerator.hpp"

#include <algorithm>

namespace bramble::render {
namespace {
constexpr int kLeafSize = 4;

// Keeps the better of two hits: smaller t, then lower index (makes BVH and loop agree).
void consider(Hit& best, double t, int index) {
  if (t < best.t || (t == best.t && t < kInfinity && index < best.sphere)) best = {t, index};
}
}  // namespace

Accelerator::Accelerator(const std::vector<Sphere>& spheres, bool use_bvh)
    : spheres_(spheres), use_bvh_(use_bvh) {
  if (!use_bvh_ || spheres.empty()) return;
  std::vector<double> radii;
  for (const Sphere& s : spheres) radii.push_back(s.radius);
  std::nth_element(radii.begin(), radii.begin() + radii.size() / 2, radii.end());
  const double huge = 100.0 * radii[radii.size() / 2];
  for (int i = 0; i < static_cast<int>(spheres.size()); ++i)
    (spheres[i].radius > huge ? unbounded_ : order_).push_back(i);
  if (!order_.empty()) build(0, static_cast<int>(order_.size()));
}

// Median split along the longest axis of the centres' extent.
int Accelerator::build(int first, int count) {
  const int index = static_cast<int>(nodes_.size());
  nodes_.push_back({});
  Box3 box, centres;
  for (int i = first; i < first + count; ++i) {
    box.grow(bounds(spheres_[order_[i]]));
    const Vec3 c = spheres_[order_[i]].center;
    centres.grow({c, c});
  }
  nodes_[index].box = box;
  if (count <= kLeafSize) {
    nodes_[index].first = first;
    nodes_[index].count = count;
    return index;
  }
  const Vec3 extent = centres.hi - centres.lo;
  const int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
  auto key = [&](int s) {
    const Vec3 c = spheres_[s].center;
    return axis == 0 ? c.x : axis == 1 ? c.y : c.z;
  };
  const int half = count / 2;
  std::nth_element(order_.begin() + first, order_.begin() + first + half, order_.begin() + first + count,
                   [&](int a, int b) { return key(a) < key(b) || (key(a) == key(b) && a < b); });
  const int left = build(first, half);
  const int right = build(first + half, count - half);
  nodes_[index].left = left;
  nodes_[index].right = right;
  return index;
}

Hit Accelerator::closest(const Ray& ray, double t_max) const {
  Hit best;
  best.t = t_max;
  if (!use_bvh_) {
    for (int i = 0; i < static_cast<int>(spheres_.size()); ++i) consider(best, intersect(ray, spheres_[i], kSurfaceOffset, t_max), i);
  } else {
    for (int i : unbounded_) consider(best, intersect(ray, spheres_[i], kSurfaceOffset, t_max), i);
    const Vec3 inv{1.0 / ray.dir.x, 1.0 / ray.dir.y, 1.0 / ray.dir.z};
    double entry = 0;
    int stack[64], top = 0;
    if (!nodes_.empty() && hits(nodes_[0].box, ray, inv, best.t, entry)) stack[top++] = 0;
    while (top > 0) {
      const Node& n = nodes_[stack[--top]];
      if (n.left < 0) {
        for (int i = n.first; i < n.first + n.count; ++i)
          consider(best, intersect(ray, spheres_[order_[i]], kSurfaceOffset, t_max), order_[i]);
        continue;
      }
      // Boxes are re-tested against the best hit so far (<=, so equal-t ties still reach
      // the lower index); the nearer child goes on top of the stack.
      double t_left = 0, t_right = 0;
      const bool left = hits(nodes_[n.left].box, ray, inv, best.t, t_left);
      const bool right = hits(nodes_[n.right].box, ray, inv, best.t, t_right);
      if (left && right) {
        const bool left_first = t_left <= t_right;
        stack[top++] = left_first ? n.right : n.left;
        stack[top++] = left_first ? n.left : n.right;
      } else if (left) {
        stack[top++] = n.left;
      } else if (right) {
        stack[top++] = n.right;
      }
    }
  }
  if (best.sphere < 0) best.t = kInfinity;
  return best;
}

bool Accelerator::occluded(const Ray& ray, double t_max) const {
  if (!use_bvh_) {
    for (const Sphere& s : spheres_)
      if (intersect(ray, s, kSurfaceOffset, t_max) < kInfinity) return true;
    return false;
  }
  for (int i : unbounded_)
    if (intersect(ray, spheres_[i], kSurfaceOffset, t_max) < kInfinity) return true;
  if (nodes_.empty()) return false;
  const Vec3 inv{1.0 / ray.dir.x, 1.0 / ray.dir.y, 1.0 / ray.dir.z};
  double entry = 0;
  int stack[64], top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& n = nodes_[stack[--top]];
    if (!hits(n.box, ray, inv, t_max, entry)) continue;
    if (n.left < 0) {
      for (int i = n.first; i < n.first + n.count; ++i)
        if (intersect(ray, spheres_[order_[i]], kSurfaceOffset, t_max) < kInfinity) return true;
    } else {
      stack[top++] = n.left;
      stack[top++] = n.right;
    }
  }
  return false;
}

}  // namespace bramble::render
