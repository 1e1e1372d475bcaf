#pragma once
// Frozen reference: textbook Gaussian elimination with partial pivoting on one process.
// Slow and simple on purpose; tests compare the distributed solver against it. Do not
// optimise it.
#include <cstdint>
#include <vector>

namespace bramble::hpl {

// a: n x n column-major, b: n. Returns x with A x = b; throws std::runtime_error if A is
// singular to working precision.
std::vector<double> solve_ref(std::vector<double> a, std::vector<double> b, std::int64_t n);

}  // namespace bramble::hpl
