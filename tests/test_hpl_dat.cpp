// HPL.dat parsing: HPL 2.3's stock file and broken variants, each named by its line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "adapters/hpl/hpl_dat.hpp"

namespace bramble {
namespace {

std::string stock() {
  std::ifstream in(BRAMBLE_TEST_DATA "/HPL.dat");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Replaces line `n` (1-based) of `text`.
std::string with_line(const std::string& text, int n, const std::string& replacement) {
  std::istringstream in(text);
  std::string out, line;
  for (int i = 1; std::getline(in, line); ++i) out += (i == n ? replacement : line) + "\n";
  return out;
}

std::string error_of(const std::string& text) {
  try {
    parse_hpl_dat(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(HplDat, ParsesTheStockFile) {
  const HplDat dat = parse_hpl_dat(stock());
  EXPECT_EQ(dat.ns, (std::vector<std::int64_t>{29, 30, 34, 35}));
  EXPECT_EQ(dat.nbs, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(dat.pmap, 0);
  EXPECT_EQ(dat.grids, (std::vector<std::pair<int, int>>{{2, 2}, {1, 4}, {4, 1}}));
  EXPECT_DOUBLE_EQ(dat.threshold, 16.0);
  EXPECT_EQ(dat.depths, (std::vector<int>{0}));
  EXPECT_EQ(dat.bcasts, (std::vector<int>{0}));
  EXPECT_EQ(dat.swap, 2);
  // Everything bramble does not use is listed, once each; broadcasts and SWAP are used.
  EXPECT_EQ(dat.ignored.size(), 11u);
  for (const char* name : {"PFACTs", "NBMINs", "NDIVs", "RFACTs", "swapping threshold", "Equilibration"}) {
    int hits = 0;
    for (const auto& s : dat.ignored) hits += s.find(name) == 0;
    EXPECT_EQ(hits, 1) << name;
  }
}

TEST(HplDat, ExtraTokensAreComments) {
  const HplDat dat = parse_hpl_dat(with_line(stock(), 8, "1 2 3 4 5 6   NBs (5 and 6 beyond the count)"));
  EXPECT_EQ(dat.nbs, (std::vector<int>{1, 2, 3, 4}));
}

TEST(HplDat, OlderFilesWithoutTheHpl2TailAreAccepted) {
  std::istringstream in(stock());
  std::string text, line;
  for (int i = 1; i <= 25 && std::getline(in, line); ++i) text += line + "\n";
  EXPECT_EQ(parse_hpl_dat(text).depths, (std::vector<int>{0}));
  EXPECT_EQ(parse_hpl_dat(text).swap, -1);
}

TEST(HplDat, BroadcastsAndSwapAreChecked) {
  const std::string s = stock();
  EXPECT_EQ(parse_hpl_dat(with_line(with_line(s, 22, "3   # of broadcast"), 23, "0 2 4   BCASTs")).bcasts,
            (std::vector<int>{0, 2, 4}));
  EXPECT_EQ(error_of(with_line(s, 23, "6   BCASTs")), "HPL.dat line 23: BCAST must be 0..5 (1rg, 1rM, 2rg, 2rM, Lng, LnM), got 6");
  EXPECT_EQ(error_of(with_line(s, 26, "3   SWAP")), "HPL.dat line 26: SWAP must be 0 (bin-exch), 1 (long) or 2 (mix), got 3");
}

TEST(HplDat, BrokenFilesNameTheLine) {
  const std::string s = stock();
  EXPECT_EQ(error_of(with_line(s, 6, "29 30")),
            "HPL.dat line 6: expected 4 value(s) for Ns, found 2 in \"29 30\"");
  EXPECT_NE(error_of(with_line(s, 5, "zero   # of problems sizes")).find("line 5"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 5, "0   # of problems sizes")).find("line 5: the number of problem sizes must be 1..20"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 6, "29 -30 34 35")).find("line 6: N must be positive"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 8, "1 2 x 4")).find("line 8: expected 4 value(s) for NBs, found 2"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 8, "1 2 3x 4")).find("line 8: \"3x\" is not a valid value for NBs"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 8, "1 2 3.5 4")).find("line 8"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 9, "2  PMAP")).find("line 9: PMAP must be 0"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 12, "2 4")).find("line 12: expected 3 value(s) for Qs"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 13, "-1 threshold")).find("line 13"), std::string::npos);
  EXPECT_NE(error_of(with_line(s, 25, "-1  DEPTHs")).find("line 25"), std::string::npos);
  EXPECT_NE(error_of("HPLinpack\n").find("line 4: missing (the file ends at line 1)"), std::string::npos);
  EXPECT_NE(error_of("").find("line 4: missing"), std::string::npos);
}

// HPL's check is a scaled residual below 16. A looser threshold lets a wrong answer read
// PASSED (1e300 passes anything), so it is refused; a stricter one only makes the check
// harder to pass (tests/data/HPL-impossible.dat uses 1e-30 to see every run FAIL) and stays.
TEST(HplDat, AThresholdLooserThanSixteenIsRefused) {
  const std::string s = stock();
  EXPECT_EQ(error_of(with_line(s, 13, "1e300        threshold")),
            "HPL.dat line 13: threshold 1e+300 is looser than HPL's 16, so a wrong answer could pass "
            "verification; use 16 (a smaller threshold only makes the check stricter)");
  EXPECT_NE(error_of(with_line(s, 13, "16.5 threshold")).find("line 13: threshold 16.5 is looser than HPL's 16"),
            std::string::npos);
  EXPECT_DOUBLE_EQ(parse_hpl_dat(with_line(s, 13, "16 threshold")).threshold, 16.0);
  EXPECT_DOUBLE_EQ(parse_hpl_dat(with_line(s, 13, "1e-30 threshold")).threshold, 1e-30);
}

}  // namespace
}  // namespace bramble
