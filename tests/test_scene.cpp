// Scene files: the shipped scenes, the c-ray format's lexical rules, every malformed case
// named by its line, and the sphereflake generator with its exact round trip through text.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "render/scene_parser.hpp"
#include "render/sphereflake.hpp"

namespace bramble::render {
namespace {

const std::string kCamera = "c 0 1 -5  45  0 0 0\n";
const std::string kSphere = "s 0 0 0  1  1 0 0  10 0.5\n";

std::string error_of(const std::string& text) {
  try {
    parse_scene(text, "scenes/x.scene");
  } catch (const SceneError& e) {
    return e.what();
  }
  return "no error";
}

void expect_vec(const Vec3& v, double x, double y, double z) {
  EXPECT_EQ(v.x, x);
  EXPECT_EQ(v.y, y);
  EXPECT_EQ(v.z, z);
}

// Every field, compared exactly.
void expect_same_scene(const Scene& a, const Scene& b) {
  EXPECT_EQ(a.name, b.name);
  expect_vec(a.camera.position, b.camera.position.x, b.camera.position.y, b.camera.position.z);
  EXPECT_EQ(a.camera.fov_degrees, b.camera.fov_degrees);
  expect_vec(a.camera.target, b.camera.target.x, b.camera.target.y, b.camera.target.z);
  ASSERT_EQ(a.lights.size(), b.lights.size());
  for (std::size_t i = 0; i < a.lights.size(); ++i) expect_vec(a.lights[i], b.lights[i].x, b.lights[i].y, b.lights[i].z);
  ASSERT_EQ(a.spheres.size(), b.spheres.size());
  for (std::size_t i = 0; i < a.spheres.size(); ++i) {
    SCOPED_TRACE("sphere " + std::to_string(i));
    const Sphere &s = a.spheres[i], &t = b.spheres[i];
    expect_vec(s.center, t.center.x, t.center.y, t.center.z);
    EXPECT_EQ(s.radius, t.radius);
    expect_vec(s.material.color, t.material.color.x, t.material.color.y, t.material.color.z);
    EXPECT_EQ(s.material.shininess, t.material.shininess);
    EXPECT_EQ(s.material.reflectivity, t.material.reflectivity);
  }
}

std::size_t flake_spheres(int levels) {
  std::size_t n = 0, generation = 1;
  for (int i = 0; i <= levels; ++i, generation *= 9) n += generation;
  return n;
}

TEST(ShippedScenes, SimpleParses) {
  const Scene s = load_scene(BRAMBLE_SCENES "/simple.scene");
  EXPECT_EQ(s.name, "simple");
  EXPECT_EQ(s.spheres.size(), 6u);
  EXPECT_EQ(s.lights.size(), 2u);
  expect_vec(s.camera.position, 0, 2.5, -9);
  EXPECT_EQ(s.camera.fov_degrees, 45);
  expect_vec(s.camera.target, 0, 1, 0);
  EXPECT_EQ(s.spheres[0].radius, 1000);  // the ground
  EXPECT_EQ(s.spheres[1].material.reflectivity, 0.9);  // the mirror ball
}

TEST(ShippedScenes, SphereflakeIsTheGeneratorsOutput) {
  const std::string path = BRAMBLE_SCENES "/sphereflake.scene";
  const Scene s = load_scene(path);
  EXPECT_EQ(s.name, "sphereflake");
  EXPECT_EQ(s.spheres.size(), 820u + 1u);  // the flake and the ground
  EXPECT_EQ(s.spheres.back().radius, 1000);
  EXPECT_EQ(s.lights.size(), 3u);
  expect_vec(s.camera.position, 3.25, 3, -5.5);
  EXPECT_EQ(s.camera.fov_degrees, 40);
  expect_vec(s.camera.target, 0, 1.125, 0);
  // The file must be regenerated whenever the generator changes.
  expect_same_scene(s, make_sphereflake(3));
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  EXPECT_NE(first.find("make_sphereflake(3) (kernels/render/sphereflake.cpp)"), std::string::npos) << first;
}

TEST(SceneFormat, CommentsBlankLinesCrlfAndTabs) {
  const Scene s = parse_scene(
      "# a whole-line comment\r\n"
      "\r\n"
      "   \t  \r\n"
      "c\t0 1 -5\t45 0 0 0   # trailing comment\r\n"
      "l 1 2 3#no space before it\r\n"
      "\ts 0 0 0 1 1 0 0 10 0.5\r\n"
      "s +1 -2 3e1 .5 0 1 1 0 1",  // no newline at the end
      "dir/my.scene");
  EXPECT_EQ(s.name, "my");
  ASSERT_EQ(s.spheres.size(), 2u);
  ASSERT_EQ(s.lights.size(), 1u);
  expect_vec(s.lights[0], 1, 2, 3);
  expect_vec(s.camera.position, 0, 1, -5);
  EXPECT_EQ(s.camera.fov_degrees, 45);
  expect_vec(s.spheres[1].center, 1, -2, 30);
  EXPECT_EQ(s.spheres[1].radius, 0.5);
  EXPECT_EQ(s.spheres[1].material.reflectivity, 1);
}

TEST(SceneFormat, SixteenLightsAreAllowed) {
  std::string text = kCamera + kSphere;
  for (int i = 0; i < kMaxLights; ++i) text += "l 0 " + std::to_string(i) + " 0\n";
  EXPECT_EQ(parse_scene(text, "x.scene").lights.size(), static_cast<std::size_t>(kMaxLights));
}

TEST(SceneErrors, EachNamesTheSourceAndLine) {
  const std::string head = kCamera + "# comment\n\n";  // the bad item is on line 4
  const struct {
    std::string line, message;
  } cases[] = {
      {"s 0 0 0 1 1 0 0",
       "scenes/x.scene:4: sphere needs 9 numbers (x y z radius r g b shininess reflectivity), found 7"},
      {"s 0 0 0 1 1 0 0 10 0.5 9",
       "scenes/x.scene:4: sphere needs 9 numbers (x y z radius r g b shininess reflectivity), found 10"},
      {"l 1 2", "scenes/x.scene:4: light needs 3 numbers (x y z), found 2"},
      {"q 1 2 3", "scenes/x.scene:4: unknown item \"q\" (expected s for a sphere, l for a light or c for the camera)"},
      {"sphere 0 0 0 1 1 0 0 10 0.5",
       "scenes/x.scene:4: unknown item \"sphere\" (expected s for a sphere, l for a light or c for the camera)"},
      {"s 0 0 0 big 1 0 0 10 0.5", "scenes/x.scene:4: \"big\" is not a finite number (sphere radius)"},
      {"s 0 0 0 1 1 0 0 10 0.5x", "scenes/x.scene:4: \"0.5x\" is not a finite number (sphere reflectivity)"},
      {"l 1 nan 3", "scenes/x.scene:4: \"nan\" is not a finite number (light y)"},
      {"s 0 0 0 1e999 1 0 0 10 0.5", "scenes/x.scene:4: \"1e999\" is not a finite number (sphere radius)"},
      {"s 0 0 0 0 1 0 0 10 0.5", "scenes/x.scene:4: sphere radius must be > 0, got 0"},
      {"s 0 0 0 -2 1 0 0 10 0.5", "scenes/x.scene:4: sphere radius must be > 0, got -2"},
      {"s 0 0 0 1 1 -0.1 0 10 0.5", "scenes/x.scene:4: sphere colour components must be >= 0, got 1 -0.1 0"},
      {"s 0 0 0 1 1 0 0 -1 0.5", "scenes/x.scene:4: sphere shininess must be >= 0, got -1"},
      {"s 0 0 0 1 1 0 0 10 1.5", "scenes/x.scene:4: sphere reflectivity must be between 0 and 1, got 1.5"},
      {"s 0 0 0 1 1 0 0 10 -0.25", "scenes/x.scene:4: sphere reflectivity must be between 0 and 1, got -0.25"},
      {"c 0 0 -5 45 0 0 0", "scenes/x.scene:4: camera given twice (first on line 1)"},
  };
  for (const auto& c : cases) EXPECT_EQ(error_of(head + c.line + "\n" + kSphere), c.message) << c.line;
}

TEST(SceneErrors, CameraValues) {
  const struct {
    std::string line, message;
  } cases[] = {
      {"c 0 0 -5 0 0 0 0", "scenes/x.scene:1: camera fov_degrees must be between 0 and 180 (exclusive), got 0"},
      {"c 0 0 -5 180 0 0 0", "scenes/x.scene:1: camera fov_degrees must be between 0 and 180 (exclusive), got 180"},
      {"c 0 0 -5 -30 0 0 0", "scenes/x.scene:1: camera fov_degrees must be between 0 and 180 (exclusive), got -30"},
      {"c 1 2 3 45 1 2 3", "scenes/x.scene:1: camera position and target must differ"},
      {"c 0 0 -5 45 0 0", "scenes/x.scene:1: camera needs 7 numbers (x y z fov_degrees tx ty tz), found 6"},
  };
  for (const auto& c : cases) EXPECT_EQ(error_of(c.line + "\n" + kSphere), c.message) << c.line;
}

TEST(SceneErrors, SeventeenthLight) {
  std::string text = kCamera + kSphere;  // lines 1 and 2
  for (int i = 0; i <= kMaxLights; ++i) text += "l 0 " + std::to_string(i) + " 0\r\n";
  EXPECT_EQ(error_of(text), "scenes/x.scene:19: too many lights: at most 16");
}

TEST(SceneErrors, WholeFile) {
  EXPECT_EQ(error_of(kSphere + "l 0 5 0\n"),
            "scenes/x.scene: no camera (add a line \"c x y z fov_degrees tx ty tz\")");
  EXPECT_EQ(error_of(kCamera + "l 0 5 0\n"), "scenes/x.scene: no spheres");
  EXPECT_EQ(error_of(""), "scenes/x.scene: no spheres");
  EXPECT_EQ(error_of("# nothing but comments\n\n  # and blanks\r\n"), "scenes/x.scene: no spheres");
}

TEST(SceneErrors, UnreadableFile) {
  const std::string missing = BRAMBLE_SCENES "/no-such.scene";
  try {
    load_scene(missing);
    FAIL() << "no error";
  } catch (const SceneError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read scene file " + missing + ": No such file or directory");
  }
  try {
    load_scene(BRAMBLE_SCENES);  // a directory opens, but cannot be read
    FAIL() << "no error";
  } catch (const SceneError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot read scene file " BRAMBLE_SCENES ": "), std::string::npos)
        << e.what();
  }
}

TEST(SceneErrors, LoadedFileErrorsNameThePath) {
  const std::string path = ::testing::TempDir() + "bramble-bad.scene";
  std::ofstream(path) << kCamera << "s 0 0 0 1 1 0 0\n";
  std::string message = "no error";
  try {
    load_scene(path);
  } catch (const SceneError& e) {
    message = e.what();
  }
  std::remove(path.c_str());
  EXPECT_EQ(message, path + ":2: sphere needs 9 numbers (x y z radius r g b shininess reflectivity), found 7");
}

TEST(Sphereflake, SphereCounts) {
  EXPECT_EQ(flake_spheres(3), 820u);
  for (int levels = 0; levels <= 3; ++levels) {
    const Scene s = make_sphereflake(levels);
    EXPECT_EQ(s.spheres.size(), flake_spheres(levels) + 1) << levels;  // and the ground
    EXPECT_GE(s.lights.size(), 2u);
    EXPECT_LE(s.lights.size(), 3u);
  }
  EXPECT_THROW(make_sphereflake(-1), std::invalid_argument);
  EXPECT_THROW(make_sphereflake(7), std::invalid_argument);
}

// Children touch their parent and nothing else; the flake stands on the ground.
TEST(Sphereflake, Geometry) {
  const Scene s = make_sphereflake(2);
  const std::size_t flake = s.spheres.size() - 1;
  const double eps = 1e-12;
  std::size_t touching = 0;
  for (std::size_t i = 0; i < flake; ++i) {
    const Sphere& a = s.spheres[i];
    EXPECT_GE(a.center.y - a.radius, -eps) << i;
    for (std::size_t j = i + 1; j < flake; ++j) {
      const Sphere& b = s.spheres[j];
      const double gap = length(a.center - b.center) - a.radius - b.radius;
      EXPECT_GE(gap, -eps) << i << " " << j;
      touching += gap < eps;
    }
  }
  EXPECT_EQ(touching, flake - 1);  // one contact per child
  EXPECT_EQ(s.spheres[0].radius, 1);
  EXPECT_EQ(s.spheres[1].radius, 1.0 / 3);
  EXPECT_EQ(s.spheres[2].radius, 1.0 / 9);
}

TEST(Sphereflake, FormatRoundTripsExactly) {
  const Scene s = make_sphereflake(2);
  const std::string text = format_scene(s);
  EXPECT_EQ(text.rfind("# sphereflake: 92 spheres, 3 lights", 0), 0u) << text.substr(0, 80);
  expect_same_scene(parse_scene(text, "sphereflake.scene"), s);
}

}  // namespace
}  // namespace bramble::render
