#pragma once
// What a scene holds, in the terms of the c-ray scene format that Phoronix's c-ray benchmark
// uses: spheres with a colour, a specular shininess and a reflectivity; point lights; one
// pinhole camera looking at a target.
#include <string>
#include <vector>

#include "render/vec3.hpp"

namespace bramble::render {

inline constexpr int kMaxLights = 16;

struct Material {
  Vec3 color{1, 1, 1};       // diffuse colour, components 0..1
  double shininess = 0;      // Phong specular exponent (0: no highlight)
  double reflectivity = 0;   // 0..1: share of the colour taken from the mirror ray
};

struct Sphere {
  Vec3 center;
  double radius = 1;
  Material material;
};

struct Camera {
  Vec3 position{0, 0, -10};
  double fov_degrees = 45;   // vertical field of view
  Vec3 target{0, 0, 0};
};

struct Scene {
  std::string name;          // file stem, e.g. "sphereflake"
  std::vector<Sphere> spheres;
  std::vector<Vec3> lights;
  Camera camera;
};

}  // namespace bramble::render
