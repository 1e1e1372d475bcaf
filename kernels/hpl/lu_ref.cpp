#include "hpl/lu_ref.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace bramble::hpl {

std::vector<double> solve_ref(std::vector<double> a, std::vector<double> b, std::int64_t n) {
  auto A = [&](std::int64_t i, std::int64_t j) -> double& { return a[i + j * n]; };
  for (std::int64_t k = 0; k < n; ++k) {
    std::int64_t p = k;
    for (std::int64_t i = k + 1; i < n; ++i)
      if (std::fabs(A(i, k)) > std::fabs(A(p, k))) p = i;
    if (A(p, k) == 0.0) throw std::runtime_error("solve_ref: singular matrix");
    if (p != k) {
      for (std::int64_t j = 0; j < n; ++j) std::swap(A(k, j), A(p, j));
      std::swap(b[k], b[p]);
    }
    for (std::int64_t i = k + 1; i < n; ++i) {
      const double l = A(i, k) / A(k, k);
      for (std::int64_t j = k + 1; j < n; ++j) A(i, j) -= l * A(k, j);
      b[i] -= l * b[k];
    }
  }
  std::vector<double> x(static_cast<std::size_t>(n));
  for (std::int64_t i = n - 1; i >= 0; --i) {
    double s = b[i];
    for (std::int64_t j = i + 1; j < n; ++j) s -= A(i, j) * x[j];
    x[i] = s / A(i, i);
  }
  return x;
}

}  // namespace bramble::hpl
