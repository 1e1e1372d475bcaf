#pragma once
// Star stencils of radius R = 1..4: the central finite-difference second derivative of
// order 2R along each axis, summed over the axes (a higher-order Laplacian), used in one
// explicit step of the heat equation:
//
//     u'(x) = u(x) + nu * sum over axes a, sum over k = -R..R of c_|k| u(x + k e_a)
//
// R = 1 is the classic 5-point (2D) / 7-point (3D) stencil. Larger R reads more neighbours
// per update, so students can vary arithmetic intensity at the same memory traffic.
#include <array>
#include <cmath>

namespace bramble::stencil {

inline constexpr int kMaxRadius = 4;

struct Coefficients {
  int radius = 1;
  int dims = 2;
  std::array<double, kMaxRadius + 1> c{};  // c[0] centre (per axis), c[k] at distance k
  double nu = 0;                           // time step; stable for every R and dims here

  // Flops per point update, counted from the update's expression:
  // D*R pair sums, (D-1)*R sums across axes, R products by c_k, R accumulations,
  // the centre product, nu*acc and the final addition.
  int flops_per_update() const { return 2 * dims * radius + radius + 3; }
  // STREAM accounting: each point is read once and written once.
  static constexpr int bytes_per_update() { return 16; }
};

inline Coefficients make_coefficients(int dims, int radius) {
  Coefficients k;
  k.radius = radius;
  k.dims = dims;
  switch (radius) {
    case 1: k.c = {-2.0, 1.0}; break;
    case 2: k.c = {-5.0 / 2, 4.0 / 3, -1.0 / 12}; break;
    case 3: k.c = {-49.0 / 18, 3.0 / 2, -3.0 / 20, 1.0 / 90}; break;
    default: k.c = {-205.0 / 72, 8.0 / 5, -1.0 / 5, 8.0 / 315, -1.0 / 560}; break;
  }
  k.nu = 0.25 / (dims * std::fabs(k.c[0]));
  return k;
}

}  // namespace bramble::stencil
