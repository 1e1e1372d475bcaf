#pragma once
// Reading scenes in c-ray's plain-text format, one item per line:
//     s  x y z  radius  r g b  shininess  reflectivity     a sphere
//     l  x y z                                            a point light (at most kMaxLights)
//     c  x y z  fov_degrees  tx ty tz                     the camera (exactly one)
// '#' starts a comment, blank lines are ignored, CRLF line ends and tabs are accepted.
#include <stdexcept>
#include <string>

#include "render/scene.hpp"

namespace bramble::render {

// A scene that cannot be used. The message names the source and, where there is one, the
// line: "scenes/x.scene:12: sphere radius must be > 0, got -1". Kernels do not depend on
// the harness, which maps this to its own input error.
struct SceneError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Scene::name is the stem of source_name ("scenes/simple.scene" -> "simple").
Scene parse_scene(const std::string& text, const std::string& source_name);

// Reads and parses the file at path; a file that cannot be read is a SceneError too.
Scene load_scene(const std::string& path);

}  // namespace bramble::render
