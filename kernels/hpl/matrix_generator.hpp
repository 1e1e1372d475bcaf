#pragma once
// Reproducible random systems: entry (i, j) is a pure function of (seed, i, j), so the same
// seed gives the same A and b whatever the grid P x Q and block size NB. Results from
// different grids can therefore be compared, and the residual check can regenerate A and b
// instead of keeping a copy (as HPL does).
#include <cstdint>

#include "hpl/dist_matrix.hpp"

namespace bramble::hpl {

// Uniform in [-0.5, 0.5). Column n of the augmented system is b.
double system_entry(std::uint64_t seed, std::int64_t i, std::int64_t j);

// Fills the local part of [A | b].
void generate_system(DistMatrix& a, std::uint64_t seed);

}  // namespace bramble::hpl
