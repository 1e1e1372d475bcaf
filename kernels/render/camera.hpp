#pragma once
// The pinhole camera and the sub-pixel sample positions.
//
// Axes as in c-ray: x right, y up, z into the screen. Sample s of pixel (x, y) sits at an
// offset that is a hash of (x, y, s) alone, so every pixel comes out the same whichever
// rank renders it, in whatever order. With one sample per pixel it is the pixel centre.
#include <cstdint>

#include "render/geometry.hpp"

namespace bramble::render {

class PinholeCamera {
 public:
  PinholeCamera(const Camera& c, int width, int height);
  // The primary ray through image point (x + dx, y + dy), dx, dy in [0, 1); y = 0 is the top row.
  Ray ray(double px, double py) const;

 private:
  Vec3 origin_, forward_, right_, up_;
  double half_height_, half_width_;
  int width_, height_;
};

// Offset of sample `s` in pixel (x, y): (0.5, 0.5) when spp == 1, else a jitter in [0, 1)^2.
void sample_offset(int x, int y, int s, int spp, double& dx, double& dy);

}  // namespace bramble::render
