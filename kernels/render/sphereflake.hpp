#pragma once
// Eric Haines' "sphereflake" from his Standard Procedural Databases: a sphere carrying nine
// spheres of a third its radius (six round its equator, three above, each pointing away
// from its parent), each carrying nine more, and so on. It is the classic ray-tracing
// stress scene: many small reflective spheres, mostly hidden from one another.
#include <string>

#include "render/scene.hpp"

namespace bramble::render {

// A flake of `levels` generations below the central sphere (1 + 9 + ... + 9^levels
// spheres; 820 for levels = 3) standing on a ground sphere, with three lights and a camera
// that frames it. Deterministic: the same scene, to the bit, on every machine.
Scene make_sphereflake(int levels);

// The scene in c-ray's format (see scene_parser.hpp), with a header comment. Numbers are
// written with 17 significant digits, so parse_scene(format_scene(s)) == s exactly.
std::string format_scene(const Scene& scene);

}  // namespace bramble::render
