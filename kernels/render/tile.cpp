#include "render/tile.hpp"

#include <algorithm>

namespace bramble::render {

void render_tile(const Tracer& tracer, const PinholeCamera& camera, const RenderSettings& s, const Tile& tile,
                 std::vector<std::uint8_t>& rgb, RayCount& count) {
  const double inv_spp = 1.0 / s.spp;
  for (int y = tile.y0; y < tile.y1; ++y)
    for (int x = tile.x0; x < tile.x1; ++x) {
      Vec3 sum;
      for (int k = 0; k < s.spp; ++k) {
        double dx = 0, dy = 0;
        sample_offset(x, y, k, s.spp, dx, dy);
        ++count.primary;
        sum = sum + tracer.trace(camera.ray(x + dx, y + dy), 0, count);
      }
      const Vec3 c = sum * inv_spp;
      std::uint8_t* out = rgb.data() + 3 * (std::size_t(y) * s.width + x);
      out[0] = static_cast<std::uint8_t>(std::clamp(c.x, 0.0, 1.0) * 255.0 + 0.5);
      out[1] = static_cast<std::uint8_t>(std::clamp(c.y, 0.0, 1.0) * 255.0 + 0.5);
      out[2] = static_cast<std::uint8_t>(std::clamp(c.z, 0.0, 1.0) * 255.0 + 0.5);
    }
}

std::vector<Tile> make_tiles(const RenderSettings& s) {
  std::vector<Tile> tiles;
  for (int y = 0; y < s.height; y += s.tile)
    for (int x = 0; x < s.width; x += s.tile)
      tiles.push_back({x, y, std::min(x + s.tile, s.width), std::min(y + s.tile, s.height)});
  return tiles;
}

}  // namespace bramble::render
