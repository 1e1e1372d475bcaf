#pragma once
// A box of local points [lo, hi) per axis, and the walk over it that every stencil loop
// uses: whole x-runs at a time, since x is contiguous.
#include <array>
#include <cstdint>
#include <vector>

#include "stencil/domain.hpp"

namespace bramble::stencil {

struct Box {
  std::array<std::int64_t, 3> lo{}, hi{};
  bool empty() const { return hi[0] <= lo[0] || hi[1] <= lo[1] || hi[2] <= lo[2]; }
  std::int64_t points() const { return empty() ? 0 : (hi[0] - lo[0]) * (hi[1] - lo[1]) * (hi[2] - lo[2]); }
};

// Calls run(first_index, length) for every x-run of the box.
template <class Run>
void for_each_run(const Domain& d, const Box& b, Run&& run) {
  if (b.empty()) return;
  for (std::int64_t k = b.lo[2]; k < b.hi[2]; ++k)
    for (std::int64_t j = b.lo[1]; j < b.hi[1]; ++j) run(d.index(b.lo[0], j, k), b.hi[0] - b.lo[0]);
}

// All my interior points.
inline Box whole(const Domain& d) { return Box{{0, 0, 0}, d.local()}; }

// Points at least `r` away from every face of my box along the active axes: they can be
// updated before the halo arrives.
inline Box inner(const Domain& d, int r) {
  Box b = whole(d);
  for (int a = 0; a < d.dims(); ++a) {
    b.lo[a] = r;
    b.hi[a] = std::max<std::int64_t>(r, d.local()[a] - r);
  }
  return b;
}

// The rest of my points (the shell of width r), as disjoint boxes.
inline std::vector<Box> shell(const Domain& d, int r) {
  std::vector<Box> out;
  Box middle = whole(d);
  for (int a = d.dims() - 1; a >= 0; --a) {
    const std::int64_t m = d.local()[a];
    const std::int64_t low_end = std::min<std::int64_t>(r, m), high_begin = std::max(low_end, m - r);
    Box low = middle, high = middle;
    low.hi[a] = low_end;
    high.lo[a] = high_begin;
    if (!low.empty()) out.push_back(low);
    if (!high.empty()) out.push_back(high);
    middle.lo[a] = low_end;
    middle.hi[a] = high_begin;
  }
  return out;
}

}  // namespace bramble::stencil
