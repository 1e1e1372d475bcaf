// The block-cyclic index maps against brute force over small shapes.
#include <gtest/gtest.h>

#include "hpl/block_cyclic.hpp"

namespace bramble::hpl {
namespace {

TEST(BlockCyclic, MapsRoundTripAndCountsMatchBruteForce) {
  for (std::int64_t n : {0, 1, 7, 16, 33}) {
    for (int nb : {1, 3, 8, 40}) {
      for (int procs : {1, 2, 3, 4}) {
        std::vector<std::int64_t> count(static_cast<std::size_t>(procs), 0);
        for (std::int64_t g = 0; g < n; ++g) {
          const int owner = static_cast<int>((g / nb) % procs);
          BlockCyclic d{n, nb, procs, owner};
          EXPECT_EQ(d.owner(g), owner);
          EXPECT_EQ(d.to_local(g), count[owner]) << "g=" << g;
          EXPECT_EQ(d.to_global(count[owner]), g);
          ++count[owner];
        }
        for (int p = 0; p < procs; ++p) {
          BlockCyclic d{n, nb, procs, p};
          EXPECT_EQ(d.local_count(), count[p]) << "n=" << n << " nb=" << nb << " P=" << procs;
          for (std::int64_t g = 0; g <= n; ++g) {  // first local index at or after g
            std::int64_t expect = 0;
            while (expect < d.local_count() && d.to_global(expect) < g) ++expect;
            EXPECT_EQ(d.first_local_at_or_after(g), expect);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace bramble::hpl
