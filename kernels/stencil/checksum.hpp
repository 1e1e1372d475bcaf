#pragma once
// A checksum of a distributed field that does not depend on how it is distributed: each
// point contributes a hash of (global index, exact bits of its value), and the hashes are
// added modulo 2^64, which is associative and commutative. Equal checksums from two process
// grids mean (with overwhelming probability) bitwise equal fields.
#include <cstdint>

#include "stencil/domain.hpp"

namespace bramble::stencil {

std::uint64_t field_checksum(const Domain& d, const double* field);  // collective

}  // namespace bramble::stencil
