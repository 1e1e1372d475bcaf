#include "hpl/matrix_generator.hpp"

#include "common/splitmix.hpp"

namespace bramble::hpl {
double system_entry(std::uint64_t seed, std::int64_t i, std::int64_t j) {
  const std::uint64_t key = (static_cast<std::uint64_t>(j) << 32) ^ static_cast<std::uint64_t>(i);
  const std::uint64_t bits = mix64(key ^ mix64(seed));
  return static_cast<double>(bits >> 11) * 0x1.0p-53 - 0.5;
}

void generate_system(DistMatrix& a, std::uint64_t seed) {
  const std::int64_t mloc = a.local_rows(), nloc = a.local_cols();
  for (std::int64_t jl = 0; jl < nloc; ++jl) {
    const std::int64_t j = a.cols().to_global(jl);
    double* column = a.col_ptr(0, jl);
    for (std::int64_t il = 0; il < mloc; ++il) column[il] = system_entry(seed, a.rows().to_global(il), j);
  }
}

}  // namespace bramble::hpl
