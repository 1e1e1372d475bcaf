#include "suite/dgemm_rate.hpp"

#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>

#include "common/splitmix.hpp"

namespace bramble {
namespace {

// Entries in [-0.5, 0.5), a pure function of (seed, index).
std::vector<double> random_values(std::size_t count, std::uint64_t seed) {
  std::vector<double> v(count);
  for (std::size_t i = 0; i < count; ++i) v[i] = double(mix64(seed * 0x100000000ULL + i) >> 11) * 0x1p-53 - 0.5;
  return v;
}

// y = |M| |v| for a column-major n x n matrix: the size a product's rounding scales with.
std::vector<double> abs_product(const std::vector<double>& m, const std::vector<double>& v, int n) {
  std::vector<double> y(static_cast<std::size_t>(n), 0.0);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) y[i] += std::fabs(m[std::size_t(j) * n + i]) * std::fabs(v[j]);
  return y;
}

}  // namespace

double dgemm_check(const std::vector<double>& a, const std::vector<double>& b, const std::vector<double>& c, int n) {
  const std::vector<double> x = random_values(static_cast<std::size_t>(n), 3);
  std::vector<double> cx(x.size()), bx(x.size()), abx(x.size());
  cblas_dgemv(CblasColMajor, CblasNoTrans, n, n, 1.0, c.data(), n, x.data(), 1, 0.0, cx.data(), 1);
  cblas_dgemv(CblasColMajor, CblasNoTrans, n, n, 1.0, b.data(), n, x.data(), 1, 0.0, bx.data(), 1);
  cblas_dgemv(CblasColMajor, CblasNoTrans, n, n, 1.0, a.data(), n, bx.data(), 1, 0.0, abx.data(), 1);
  const std::vector<double> bound = abs_product(a, abs_product(b, x, n), n);
  double diff = 0, scale = 0;
  for (int i = 0; i < n; ++i) {
    const double d = std::fabs(cx[i] - abx[i]);
    diff = std::isnan(d) ? std::numeric_limits<double>::infinity() : std::max(diff, d);
    scale = std::max(scale, bound[i]);
  }
  return diff / (n * std::numeric_limits<double>::epsilon() * scale);
}

DgemmFigures measure_dgemm(int n, int reps, double min_seconds) {
  const std::size_t count = std::size_t(n) * std::size_t(n);
  const std::vector<double> a = random_values(count, 1), b = random_values(count, 2);
  std::vector<double> c(count, 0.0);
  double best = std::numeric_limits<double>::infinity(), timed = 0;
  for (int r = 0; r <= reps || timed < min_seconds; ++r) {  // r == 0: untimed (page faults, BLAS start-up)
    const auto t0 = std::chrono::steady_clock::now();
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a.data(), n, b.data(), n, 0.0, c.data(), n);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    if (r == 0) continue;
    best = std::min(best, took.count());
    timed += took.count();
  }
  return {2.0 * n * double(n) * n / best / 1e9, dgemm_check(a, b, c, n)};
}

}  // namespace bramble
