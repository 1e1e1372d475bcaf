#pragma once
// Reading the HPL.dat that HPL users already have. bramble runs the sweep it describes
// (every grid x depth x broadcast x N x NB) and says which of its options it ignores.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bramble {

// Limits shared by the command line and HPL.dat. Far beyond any machine bramble runs on,
// they keep every size derived from them (N x N x 8 bytes in double, P x Q in int64, the
// panel's NB x NB) free of overflow, so a huge value is one clear message and never a
// wrapped size.
inline constexpr std::int64_t kMaxHplN = std::int64_t{1} << 40;
inline constexpr int kMaxHplNb = 1 << 16;
inline constexpr int kMaxHplGridSide = 1 << 20;  // P or Q

// HPL's verification: the scaled residual must be below 16. An HPL.dat may lower it (a
// stricter check; tests/data/HPL-impossible.dat makes every run FAIL that way) but not
// raise it: a looser threshold lets a wrong answer read PASSED (1e300 passes anything).
inline constexpr double kHplThreshold = 16.0;

struct HplDat {
  std::vector<std::int64_t> ns;
  std::vector<int> nbs;
  int pmap = 0;                           // 0 row-major, 1 column-major process mapping
  std::vector<std::pair<int, int>> grids; // (P, Q)
  double threshold = kHplThreshold;      // at most kHplThreshold
  std::vector<int> depths;                // look-ahead depths
  std::vector<int> bcasts;                // HPL's BCAST codes 0..5 (1ring .. long modified)
  int swap = -1;                          // HPL 2.x's SWAP (0 binary exchange, 1 long, 2 mix); -1: absent
  std::vector<std::string> ignored;       // options present that bramble does not use
};

// Throws InputError naming the file and line of the first problem, including a threshold
// above kHplThreshold.
HplDat parse_hpl_dat(const std::string& text, const std::string& name = "HPL.dat");

}  // namespace bramble
