#pragma once
// Back substitution U x = y on the factored system, where y (= L^-1 b) sits in column N.
#include <vector>

#include "hpl/dist_matrix.hpp"
#include "hpl/lu_observer.hpp"

namespace bramble::hpl {

// Block by block from the bottom: the diagonal block's owner gathers its right-hand side
// (y minus the contributions already known, summed over its process row), solves with
// the diagonal block, and broadcasts x_k; the owners of U's column block k then fold
// U(:, k) x_k into their partial sums. Returns x on every rank.
std::vector<double> back_substitute(const DistMatrix& a, LuObserver& observer);

}  // namespace bramble::hpl
