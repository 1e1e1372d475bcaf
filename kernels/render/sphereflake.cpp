#include "render/sphereflake.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <stdexcept>

namespace bramble::render {
namespace {

// An orthonormal frame, right-handed: cross(side, front) == up. A sphere's children are
// laid out in its frame with "up" pointing away from its own parent.
struct Frame {
  Vec3 up, side, front;
};

// The nine child directions as (side, front, up) components: six on the equator 60 degrees
// apart, and three above at elevation asin(sqrt(2/3)), about 54.7 degrees, over the
// midpoints of alternate equator gaps, so no two children touch. Only sqrt, so the
// directions are the same to the bit on every IEEE machine, unlike with sin and cos.
std::array<Vec3, 9> child_directions() {
  const double h = std::sqrt(3.0) / 2;        // sin 60
  const double a = std::sqrt(1.0 / 3.0);      // horizontal part of an upper direction
  const double z = std::sqrt(2.0 / 3.0);      // vertical part
  return {{{1, 0, 0}, {0.5, h, 0}, {-0.5, h, 0}, {-1, 0, 0}, {-0.5, -h, 0}, {0.5, -h, 0},
           {a * h, a * 0.5, z}, {-a * h, a * 0.5, z}, {0, -a, z}}};
}

// Colours, sharpness and mirror share change with the generation, so the levels stand apart
// in a picture. Dyadic fractions, so the scene file shows them as written here.
Material material_of(int depth) {
  static constexpr std::array<Material, 4> kByDepth{{
      {{0.9375, 0.75, 0.375}, 60, 0.5},      // gold
      {{0.875, 0.375, 0.3125}, 55, 0.4375},  // red
      {{0.375, 0.625, 0.875}, 50, 0.375},    // blue
      {{0.5, 0.8125, 0.4375}, 45, 0.3125},   // green
  }};
  return kByDepth[static_cast<std::size_t>(depth) % kByDepth.size()];
}

void grow(Vec3 center, double radius, const Frame& frame, int depth, int levels,
          const std::array<Vec3, 9>& directions, std::vector<Sphere>& out) {
  out.push_back({center, radius, material_of(depth)});
  if (depth == levels) return;
  const double child_radius = radius / 3;
  for (const Vec3& local : directions) {
    const Vec3 d = frame.side * local.x + frame.front * local.y + frame.up * local.z;
    // The child's side is the parent's up made perpendicular to d; it is never zero,
    // since no direction is parallel to the parent's up.
    const Vec3 side = normalize(frame.up - d * dot(frame.up, d));
    grow(center + d * (radius + child_radius), child_radius, {d, side, cross(d, side)}, depth + 1,
         levels, directions, out);
  }
}

void append_number(std::string& out, double v) {
  char buf[32];
  // The shortest text that reads back as exactly v (at most 17 significant digits), in
  // any locale.
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  out += ' ';
  out.append(buf, result.ptr);
}

void append_item(std::string& out, char letter, std::initializer_list<double> values) {
  out += letter;
  for (double v : values) append_number(out, v);
  out += '\n';
}

}  // namespace

Scene make_sphereflake(int levels) {
  // 9^7 would be almost five million spheres: far beyond any picture's worth of detail.
  if (levels < 0 || levels > 6) throw std::invalid_argument("sphereflake levels must be 0..6");
  Scene scene;
  scene.name = "sphereflake";
  // The central sphere of radius 1 rests on the ground at y = 0. A flake reaches at most
  // twice its radius from its centre (1 + 2/3 + 2/9 + ... = 2), so each equatorial child's
  // subtree stays above the ground, and the whole flake fits in a ball of radius 2.
  const Frame upright{{0, 1, 0}, {1, 0, 0}, {0, 0, -1}};
  grow({0, 1, 0}, 1.0, upright, 0, levels, child_directions(), scene.spheres);
  // A sphere large enough to look flat under the flake, and to reach the horizon.
  scene.spheres.push_back({{0, -1000, 0}, 1000, {{0.625, 0.625, 0.5625}, 0, 0.125}});
  scene.lights = {{-4, 7, -5}, {6, 5, -3}, {1, 8, 6}};
  // Above and to one side, looking slightly down at the flake's middle; 40 degrees
  // take in its 4 units of width from 6.7 units away.
  scene.camera = {{3.25, 3, -5.5}, 40, {0, 1.125, 0}};
  return scene;
}

std::string format_scene(const Scene& scene) {
  std::string out = "# " + scene.name + ": " + std::to_string(scene.spheres.size()) + " spheres, " +
                    std::to_string(scene.lights.size()) + " lights (c-ray scene format)\n" +
                    "#   s  x y z  radius  r g b  shininess  reflectivity\n"
                    "#   l  x y z\n"
                    "#   c  x y z  fov_degrees  tx ty tz\n\n";
  const Camera& c = scene.camera;
  append_item(out, 'c', {c.position.x, c.position.y, c.position.z, c.fov_degrees, c.target.x,
                         c.target.y, c.target.z});
  out += '\n';
  for (const Vec3& l : scene.lights) append_item(out, 'l', {l.x, l.y, l.z});
  out += '\n';
  for (const Sphere& s : scene.spheres) {
    const Material& m = s.material;
    append_item(out, 's', {s.center.x, s.center.y, s.center.z, s.radius, m.color.x, m.color.y,
                           m.color.z, m.shininess, m.reflectivity});
  }
  return out;
}

}  // namespace bramble::render
