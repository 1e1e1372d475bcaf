#include "render/camera.hpp"

#include "common/splitmix.hpp"

#include <cmath>
#include <numbers>

namespace bramble::render {

PinholeCamera::PinholeCamera(const Camera& c, int width, int height)
    : origin_(c.position), width_(width), height_(height) {
  forward_ = normalize(c.target - c.position);
  Vec3 world_up{0, 1, 0};
  if (std::fabs(dot(forward_, world_up)) > 0.999999) world_up = {0, 0, 1};  // looking straight up/down
  right_ = normalize(cross(world_up, forward_));
  up_ = cross(forward_, right_);
  half_height_ = std::tan(c.fov_degrees * std::numbers::pi / 360.0);
  half_width_ = half_height_ * double(width) / double(height);
}

Ray PinholeCamera::ray(double px, double py) const {
  const double sx = (2.0 * px / width_ - 1.0) * half_width_;
  const double sy = (1.0 - 2.0 * py / height_) * half_height_;
  return {origin_, normalize(forward_ + right_ * sx + up_ * sy)};
}

void sample_offset(int x, int y, int s, int spp, double& dx, double& dy) {
  if (spp == 1) {
    dx = dy = 0.5;
    return;
  }
  std::uint64_t h = (std::uint64_t(std::uint32_t(x)) << 40) ^ (std::uint64_t(std::uint32_t(y)) << 20) ^ std::uint64_t(s);
  // Two consecutive SplitMix64 outputs from a counter: no state between pixels.
  auto unit = [](std::uint64_t v) { return double(mix64(v) >> 11) * 0x1.0p-53; };
  dx = unit(h);
  dy = unit(h + 0x9E3779B97F4A7C15ULL);
}

}  // namespace bramble::render
