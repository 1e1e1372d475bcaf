#include "stencil/update.hpp"

namespace bramble::stencil {
namespace {

// Radius and dimension are template parameters so the neighbour loop unrolls and the
// x loop vectorises. Every point is computed by the same expression in the same order,
// whichever box it falls in: that is what makes results bitwise independent of the
// process grid and of overlap on/off.
template <int R, int D>
void update_run(const double* __restrict in, double* __restrict out, std::int64_t len,
                std::int64_t sy, std::int64_t sz, const Coefficients& k) {
  const double centre = D * k.c[0], nu = k.nu;
  double c[R + 1];
  for (int r = 0; r <= R; ++r) c[r] = k.c[r];
  for (std::int64_t i = 0; i < len; ++i) {
    double acc = centre * in[i];
    for (int r = 1; r <= R; ++r) {
      double pairs = (in[i - r] + in[i + r]) + (in[i - r * sy] + in[i + r * sy]);
      if constexpr (D == 3) pairs = pairs + (in[i - r * sz] + in[i + r * sz]);
      acc = acc + c[r] * pairs;
    }
    out[i] = in[i] + nu * acc;
  }
}

template <int R, int D>
void update_box_t(const Domain& d, const Coefficients& k, const double* in, double* out, const Box& box) {
  const std::int64_t sy = d.stride(1), sz = d.stride(2);
  for_each_run(d, box, [&](std::int64_t first, std::int64_t len) {
    update_run<R, D>(in + first, out + first, len, sy, sz, k);
  });
}

template <int D>
void dispatch_radius(const Domain& d, const Coefficients& k, const double* in, double* out, const Box& b) {
  switch (k.radius) {
    case 1: update_box_t<1, D>(d, k, in, out, b); break;
    case 2: update_box_t<2, D>(d, k, in, out, b); break;
    case 3: update_box_t<3, D>(d, k, in, out, b); break;
    default: update_box_t<4, D>(d, k, in, out, b); break;
  }
}

}  // namespace

void update_box(const Domain& d, const Coefficients& k, const double* in, double* out, const Box& box) {
  if (k.dims == 3) dispatch_radius<3>(d, k, in, out, box);
  else dispatch_radius<2>(d, k, in, out, box);
}

}  // namespace bramble::stencil
