#include "render/accelerator.hpp"

#include <algorithm>
#include <numeric>

namespace bramble::render {
namespace {
constexpr int kLeafSize = 4;

// Keeps the better of two hits: smaller t, then lower index (makes BVH and loop agree).
void consider(Hit& best, double t, int index) {
  if (t < best.t || (t == best.t && t < kInfinity && index < best.sphere)) best = {t, index};
}
}  // namespace

Accelerator::Accelerator(const std::vector<Sphere>& spheres, bool use_bvh)
    : spheres_(spheres), use_bvh_(use_bvh), order_(spheres.size()) {
  std::iota(order_.begin(), order_.end(), 0);
  if (use_bvh_ && !spheres.empty()) build(0, static_cast<int>(spheres.size()));
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
  } else if (!nodes_.empty()) {
    const Vec3 inv{1.0 / ray.dir.x, 1.0 / ray.dir.y, 1.0 / ray.dir.z};
    int stack[64], top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const Node& n = nodes_[stack[--top]];
      if (!hits(n.box, ray, inv, best.t)) continue;
      if (n.left < 0) {
        for (int i = n.first; i < n.first + n.count; ++i)
          consider(best, intersect(ray, spheres_[order_[i]], kSurfaceOffset, t_max), order_[i]);
      } else {
        stack[top++] = n.left;
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
  if (nodes_.empty()) return false;
  const Vec3 inv{1.0 / ray.dir.x, 1.0 / ray.dir.y, 1.0 / ray.dir.z};
  int stack[64], top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& n = nodes_[stack[--top]];
    if (!hits(n.box, ray, inv, t_max)) continue;
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
