#pragma once
// Rendering one rectangle of the image: the unit of work every schedule hands out.
#include <cstdint>
#include <vector>

#include "render/camera.hpp"
#include "render/tracer.hpp"

namespace bramble::render {

struct Tile {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels [x0, x1) x [y0, y1)
};

struct RenderSettings {
  int width = 800, height = 600, spp = 1, tile = 32;
};

// Renders the tile into `rgb` (the whole image, 3 bytes per pixel, top row first): the
// mean of the samples, each channel clamped to [0, 1] and rounded to 8 bits.
void render_tile(const Tracer& tracer, const PinholeCamera& camera, const RenderSettings& s, const Tile& tile,
                 std::vector<std::uint8_t>& rgb, RayCount& count);

// The image cut into tiles of s.tile x s.tile, row-major from the top left.
std::vector<Tile> make_tiles(const RenderSettings& s);

}  // namespace bramble::render
