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

struct HplDat {
  std::vector<std::int64_t> ns;
  std::vector<int> nbs;
  int pmap = 0;                           // 0 row-major, 1 column-major process mapping
  std::vector<std::pair<int, int>> grids; // (P, Q)
  double threshold = 16.0;
  std::vector<int> depths;                // look-ahead depths
  std::vector<int> bcasts;                // HPL's BCAST codes 0..5 (1ring .. long modified)
  int swap = -1;                          // HPL 2.x's SWAP (0 binary exchange, 1 long, 2 mix); -1: absent
  std::vector<std::string> ignored;       // options present that bramble does not use
};

// Throws InputError naming the file and line of the first problem.
HplDat parse_hpl_dat(const std::string& text, const std::string& name = "HPL.dat");

}  // namespace bramble
