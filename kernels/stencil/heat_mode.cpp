#include "stencil/heat_mode.hpp"

#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stencil/box.hpp"

namespace bramble::stencil {

double mode_value(const Domain& d, std::int64_t gx, std::int64_t gy, std::int64_t gz) {
  const std::int64_t g[3] = {gx, gy, gz};
  double v = 1.0;
  for (int a = 0; a < d.dims(); ++a)
    v *= std::sin(std::numbers::pi * double(g[a] + 1) / double(d.global()[a] + 1));
  return v;
}

double mode_eigenvalue(const Domain& d, const Coefficients& k) {
  double sum = 0.0;
  for (int a = 0; a < d.dims(); ++a) {
    const double theta = std::numbers::pi / double(d.global()[a] + 1);
    double mu = k.c[0];
    for (int r = 1; r <= k.radius; ++r) mu += 2.0 * k.c[r] * std::cos(r * theta);
    sum += mu;
  }
  return 1.0 + k.nu * sum;
}

void set_mode(const Domain& d, double* field) {
  std::fill_n(field, d.array_size(), 0.0);
  const Box all = whole(d);
  for (std::int64_t z = 0; z < all.hi[2]; ++z)
    for (std::int64_t y = 0; y < all.hi[1]; ++y)
      for (std::int64_t x = 0; x < all.hi[0]; ++x)
        field[d.index(x, y, z)] = mode_value(d, d.offset()[0] + x, d.offset()[1] + y, d.offset()[2] + z);
}

double mode_error(const Domain& d, const Coefficients& k, const double* field, std::int64_t steps) {
  const double scale = std::pow(mode_eigenvalue(d, k), double(steps));
  double err = 0.0;
  const Box all = whole(d);
  for (std::int64_t z = 0; z < all.hi[2]; ++z)
    for (std::int64_t y = 0; y < all.hi[1]; ++y)
      for (std::int64_t x = 0; x < all.hi[0]; ++x) {
        const double expect = scale * mode_value(d, d.offset()[0] + x, d.offset()[1] + y, d.offset()[2] + z);
        const double diff = std::fabs(field[d.index(x, y, z)] - expect);
        err = std::isnan(diff) ? INFINITY : std::max(err, diff);
      }
  MPI_Allreduce(MPI_IN_PLACE, &err, 1, MPI_DOUBLE, MPI_MAX, d.comm());
  return err;
}

double mode_amplitude(const Domain& d, const Coefficients& k, std::int64_t steps) {
  return std::pow(std::fabs(mode_eigenvalue(d, k)), double(steps));
}

double mode_rounding(const Coefficients& k, std::int64_t steps) {
  return double(steps + 1) * k.flops_per_update() * 0x1.0p-52;
}

double mode_tolerance(const Domain& d, const Coefficients& k, std::int64_t steps) {
  return std::min(mode_rounding(k, steps), mode_amplitude(d, k, steps) / kModeMargin);
}

bool mode_checkable(const Domain& d, const Coefficients& k, std::int64_t steps) {
  return mode_amplitude(d, k, steps) >= kModeMargin * mode_rounding(k, steps);
}

// The amplitude falls and the rounding bound grows with the steps, so the steps that are
// checkable are 1..max: a bisection finds max.
std::int64_t max_checkable_steps(const Domain& d, const Coefficients& k) {
  std::int64_t good = 1, bad = std::int64_t{1} << 40;
  if (mode_checkable(d, k, bad)) return bad;
  while (bad - good > 1) {
    const std::int64_t mid = good + (bad - good) / 2;
    (mode_checkable(d, k, mid) ? good : bad) = mid;
  }
  return good;
}

}  // namespace bramble::stencil
