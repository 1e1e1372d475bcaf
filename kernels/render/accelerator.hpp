#pragma once
// Finding what a ray hits: a bounding-volume hierarchy over the spheres, or (for teaching,
// `--no-bvh`) a plain loop over all of them. The BVH visits the nearer child first, so a
// close hit prunes the farther boxes; spheres far bigger than the rest (a huge sphere used
// as the ground) stay out of the tree, where their box would swallow every other box. Both return the same hit for every ray: the
// smallest t, ties going to the lower sphere index, so images are bitwise identical.
#include <cstdint>
#include <vector>

#include "render/geometry.hpp"

namespace bramble::render {

struct Hit {
  double t = kInfinity;
  int sphere = -1;
  bool found() const { return sphere >= 0; }
};

class Accelerator {
 public:
  Accelerator(const std::vector<Sphere>& spheres, bool use_bvh);
  Hit closest(const Ray& ray, double t_max = kInfinity) const;
  bool occluded(const Ray& ray, double t_max) const;  // any hit before t_max (shadows)

 private:
  struct Node {
    Box3 box;
    int first = 0, count = 0;  // leaf: spheres order_[first .. first+count)
    int left = -1, right = -1; // inner node: children
  };
  int build(int first, int count);

  const std::vector<Sphere>& spheres_;
  bool use_bvh_;
  std::vector<int> order_;     // BVH leaves index into this
  std::vector<int> unbounded_; // spheres too big to box usefully (a ground "plane"): tested first
  std::vector<Node> nodes_;
};

}  // namespace bramble::render
