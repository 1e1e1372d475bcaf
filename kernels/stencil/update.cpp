#include "stencil/update.hpp"

namespace bramble::stencil {
namespace {

// Radius and dimension are template parameters so the neighbour loop unrolls and the
// x loop vectorises. Every point is computed by the same expression in the same order,
// whichever box it falls in: that is what makes results bitwise independent of the
// process grid and of overlap on/off. It also makes the ISA versions below agree bit for
// bit: vector lanes do the scalar code's IEEE operations in the same order, and the
// kernels are built with -ffp-contract=off, which holds in every version, so the v3 and
// v4 code, which have FMA, never fuse a multiply into an add.
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

void dispatch_dims(const Domain& d, const Coefficients& k, const double* in, double* out, const Box& b) {
  if (k.dims == 3) dispatch_radius<3>(d, k, in, out, b);
  else dispatch_radius<2>(d, k, in, out, b);
}

// One entry per level. `flatten` inlines everything above into each, so the loops are
// compiled (and vectorised) for the entry's target; a callee left out of line would keep
// the baseline. Explicit entries rather than GCC's target_clones: the solver can say
// exactly which version it runs, and the tests can run every version the CPU has.
[[gnu::flatten]] void update_baseline(const Domain& d, const Coefficients& k, const double* in, double* out,
                                      const Box& b) {
  dispatch_dims(d, k, in, out, b);
}

#if defined(__x86_64__)
[[gnu::flatten, gnu::target("arch=x86-64-v3")]] void update_v3(const Domain& d, const Coefficients& k,
                                                               const double* in, double* out, const Box& b) {
  dispatch_dims(d, k, in, out, b);
}

[[gnu::flatten, gnu::target("arch=x86-64-v4")]] void update_v4(const Domain& d, const Coefficients& k,
                                                               const double* in, double* out, const Box& b) {
  dispatch_dims(d, k, in, out, b);
}
#endif

}  // namespace

void update_box(IsaLevel isa, const Domain& d, const Coefficients& k, const double* in, double* out,
                const Box& box) {
  require_cpu_supports(isa);
#if defined(__x86_64__)
  if (isa == IsaLevel::x86_64_v4) return update_v4(d, k, in, out, box);
  if (isa == IsaLevel::x86_64_v3) return update_v3(d, k, in, out, box);
#endif
  update_baseline(d, k, in, out, box);
}

void update_box(const Domain& d, const Coefficients& k, const double* in, double* out, const Box& box) {
  update_box(best_isa_level(), d, k, in, out, box);
}

}  // namespace bramble::stencil
