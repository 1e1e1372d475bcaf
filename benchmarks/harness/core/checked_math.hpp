#pragma once
// Sizes multiplied together (a process grid P x Q, an image's width x height x 3 bytes, a
// matrix's N x N x 8 bytes, a grid's nx x ny x nz points) easily pass what 64 bits hold
// when the factors come from a command line or a file. A product that wrapped would slip
// past every later check and end in an MPI error or a crash, so sizes are multiplied here,
// where an overflow is seen, before any work starts.
#include <cstdint>
#include <initializer_list>
#include <optional>

namespace bramble {

// a x b, or nothing when it does not fit in int64.
inline std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) return std::nullopt;
  return product;
}

// a + b, or nothing when it does not fit in int64.
inline std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
  return sum;
}

// The product of all factors, or nothing when any step does not fit in int64.
inline std::optional<std::int64_t> checked_product(std::initializer_list<std::int64_t> factors) {
  std::int64_t product = 1;
  for (std::int64_t f : factors) {
    const std::optional<std::int64_t> next = checked_mul(product, f);
    if (!next) return std::nullopt;
    product = *next;
  }
  return product;
}

}  // namespace bramble
