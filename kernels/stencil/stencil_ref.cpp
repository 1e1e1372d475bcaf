#include "stencil/stencil_ref.hpp"

#include <cmath>
#include <numbers>

#include "stencil/coefficients.hpp"

namespace bramble::stencil {

std::vector<double> reference_run(int dims, int radius, std::int64_t nx, std::int64_t ny,
                                  std::int64_t nz, std::int64_t steps) {
  const Coefficients k = make_coefficients(dims, radius);
  const std::int64_t n[3] = {nx, ny, dims == 3 ? nz : 1};
  const std::int64_t r = radius;
  // Global array with r ghost layers on the active axes.
  const std::int64_t g[3] = {r, r, dims == 3 ? r : 0};
  const std::int64_t e[3] = {n[0] + 2 * g[0], n[1] + 2 * g[1], n[2] + 2 * g[2]};
  auto at = [&](std::int64_t x, std::int64_t y, std::int64_t z) {
    return static_cast<std::size_t>((x + g[0]) + e[0] * ((y + g[1]) + e[1] * (z + g[2])));
  };
  std::vector<double> u(static_cast<std::size_t>(e[0] * e[1] * e[2]), 0.0), v = u;
  for (std::int64_t z = 0; z < n[2]; ++z)
    for (std::int64_t y = 0; y < n[1]; ++y)
      for (std::int64_t x = 0; x < n[0]; ++x) {
        double s = std::sin(std::numbers::pi * double(x + 1) / double(n[0] + 1)) *
                   std::sin(std::numbers::pi * double(y + 1) / double(n[1] + 1));
        if (dims == 3) s *= std::sin(std::numbers::pi * double(z + 1) / double(n[2] + 1));
        u[at(x, y, z)] = s;
      }
  for (std::int64_t step = 0; step < steps; ++step) {
    // Odd reflection beyond each face: u(-1) = 0, u(-1-j) = -u(j-1), and likewise at n.
    for (std::int64_t z = 0; z < n[2]; ++z)
      for (std::int64_t y = 0; y < n[1]; ++y)
        for (std::int64_t j = 0; j < r; ++j) {
          u[at(-1 - j, y, z)] = j == 0 ? 0.0 : -u[at(j - 1, y, z)];
          u[at(n[0] + j, y, z)] = j == 0 ? 0.0 : -u[at(n[0] - j, y, z)];
        }
    for (std::int64_t z = 0; z < n[2]; ++z)
      for (std::int64_t x = 0; x < n[0]; ++x)
        for (std::int64_t j = 0; j < r; ++j) {
          u[at(x, -1 - j, z)] = j == 0 ? 0.0 : -u[at(x, j - 1, z)];
          u[at(x, n[1] + j, z)] = j == 0 ? 0.0 : -u[at(x, n[1] - j, z)];
        }
    if (dims == 3)
      for (std::int64_t y = 0; y < n[1]; ++y)
        for (std::int64_t x = 0; x < n[0]; ++x)
          for (std::int64_t j = 0; j < r; ++j) {
            u[at(x, y, -1 - j)] = j == 0 ? 0.0 : -u[at(x, y, j - 1)];
            u[at(x, y, n[2] + j)] = j == 0 ? 0.0 : -u[at(x, y, n[2] - j)];
          }
    for (std::int64_t z = 0; z < n[2]; ++z)
      for (std::int64_t y = 0; y < n[1]; ++y)
        for (std::int64_t x = 0; x < n[0]; ++x) {
          double acc = dims * k.c[0] * u[at(x, y, z)];
          for (std::int64_t q = 1; q <= r; ++q) {
            double pairs = (u[at(x - q, y, z)] + u[at(x + q, y, z)]) + (u[at(x, y - q, z)] + u[at(x, y + q, z)]);
            if (dims == 3) pairs = pairs + (u[at(x, y, z - q)] + u[at(x, y, z + q)]);
            acc = acc + k.c[q] * pairs;
          }
          v[at(x, y, z)] = u[at(x, y, z)] + k.nu * acc;
        }
    std::swap(u, v);
  }
  std::vector<double> out;
  for (std::int64_t z = 0; z < n[2]; ++z)
    for (std::int64_t y = 0; y < n[1]; ++y)
      for (std::int64_t x = 0; x < n[0]; ++x) out.push_back(u[at(x, y, z)]);
  return out;
}

}  // namespace bramble::stencil
