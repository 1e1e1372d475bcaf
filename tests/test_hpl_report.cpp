// What `bramble run hpl` reports beside its Gflop/s (issue 21 §6): its lines in HPL 2.3's own
// output format, whose columns must read back as the case's N, NB, P, Q, time and Gflop/s,
// with a T/V code that says what bramble's LU does; and its efficiency against the DGEMM rate
// of its ranks, stored as figures, with a trust warning only where a low one means something.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "adapters/hpl/dgemm_efficiency.hpp"
#include "adapters/hpl/hpl_output_format.hpp"
#include "core/value.hpp"

namespace bramble {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(HplFormat, TheCodeSaysWhatBramblesLuDoes) {
  using hpl::BcastAlgo;
  EXPECT_EQ(hpl_variant_code(hpl::GridOrder::row_major, 1, BcastAlgo::ring_modified, 16), "WR11R2R16");
  EXPECT_EQ(hpl_variant_code(hpl::GridOrder::column_major, 0, BcastAlgo::ring, 4), "WC00R2R4");
  EXPECT_EQ(hpl_variant_code(hpl::GridOrder::row_major, 2, BcastAlgo::two_ring, 8), "WR22R2R8");
  EXPECT_EQ(hpl_variant_code(hpl::GridOrder::row_major, 3, BcastAlgo::two_ring_modified, 8), "WR33R2R8");
  EXPECT_EQ(hpl_variant_code(hpl::GridOrder::row_major, 4, BcastAlgo::long_roll, 8), "WR44R2R8");
  EXPECT_EQ(hpl_variant_code(hpl::GridOrder::row_major, 1, BcastAlgo::ibcast, 16), "WR1IR2R16");  // no HPL number
}

// HPL's columns, character for character: the header's column names end where the values do.
TEST(HplFormat, ColumnsLineUpWithHplsHeader) {
  const std::string header = hpl_header_line();
  const std::string line = hpl_result_line("WR11R2R4", 29184, 192, 2, 2, 346.2, 47.92);
  EXPECT_EQ(line, "WR11R2R4       29184   192     2     2             346.20             4.7920e+01");
  EXPECT_EQ(line.size(), header.size());
  for (const char* column : {"N", "NB", "P", "Q", "Time", "Gflops"}) {
    const std::size_t end = header.find(std::string(" ") + column + (std::string(column) == "Gflops" ? "" : " "));
    ASSERT_NE(end, std::string::npos) << column;
    const std::size_t last = end + std::string(column).size();  // the column's last character
    EXPECT_NE(line[last], ' ') << column << " in\n" << header << "\n" << line;
    if (last + 1 < line.size()) {
      EXPECT_EQ(line[last + 1], ' ') << column;
    }
  }
}

TEST(HplFormat, TheResultLineParsesBack) {
  const std::string line = hpl_result_line("WR11R2R16", 6000, 192, 1, 2, 4.1234, 34.951);
  std::istringstream in(line);
  std::string code;
  long long n = 0;
  int nb = 0, p = 0, q = 0;
  double seconds = 0, gflops = 0;
  ASSERT_TRUE(in >> code >> n >> nb >> p >> q >> seconds >> gflops) << line;
  EXPECT_EQ(code, "WR11R2R16");
  EXPECT_EQ(n, 6000);
  EXPECT_EQ(nb, 192);
  EXPECT_EQ(p, 1);
  EXPECT_EQ(q, 2);
  EXPECT_DOUBLE_EQ(seconds, 4.12);     // two decimals, as HPL prints
  EXPECT_DOUBLE_EQ(gflops, 3.4951e1);  // four, in HPL 2.3's exponent form
  std::string rest;
  EXPECT_FALSE(in >> rest) << rest;
}

TEST(HplFormat, TheResidualLineAsHplPrintsIt) {
  EXPECT_EQ(hpl_residual_line(3.80355268e-03, true),
            "||Ax-b||_oo/(eps*(||A||_oo*||x||_oo+||b||_oo)*N)=   3.80355268e-03 ...... PASSED");
  EXPECT_TRUE(hpl_residual_line(1e300, false).ends_with(" ...... FAILED"));
  EXPECT_TRUE(contains(hpl_residual_line(std::nan(""), false), "nan ...... FAILED"));
}

TEST(DgemmEfficiency, ShareOfTheRanksRate) {
  EXPECT_DOUBLE_EQ(efficiency_percent(30, 40), 75);
  EXPECT_TRUE(std::isnan(efficiency_percent(30, 0)));  // no rate measured: no share
  EXPECT_TRUE(std::isnan(efficiency_percent(std::nan(""), 40)));
  NodeInfo a, b;
  a.memory_total_bytes = 4LL << 30;
  b.memory_total_bytes = 4LL << 30;
  EXPECT_DOUBLE_EQ(matrix_memory_share(32768, {a, b}), 1.0);  // 8 x 2^30 bytes of 8 GiB
  EXPECT_TRUE(std::isnan(matrix_memory_share(100, {NodeInfo{}})));
}

TEST(DgemmEfficiency, StoredAsFiguresAndParameters) {
  KernelResult r;
  r.figure_of_merit = 30;
  RanksDgemmRate rate;
  rate.gflops = 40;
  rate.rank_min_gflops = 9.5;
  rate.seconds = 0.25;
  rate.n = 512;
  rate.reps = 3;
  rate.min_seconds = 0.25;
  rate.ranks = 4;
  add_dgemm_efficiency(r, rate);
  EXPECT_EQ(to_text(*find_value(r.figures, "dgemm_gflops")), "40");
  EXPECT_EQ(to_text(*find_value(r.figures, "dgemm_gflops_rank_min")), "9.5");
  EXPECT_EQ(to_text(*find_value(r.figures, "dgemm_efficiency_percent")), "75");
  EXPECT_EQ(to_text(*find_value(r.figures, "dgemm_rate_seconds")), "0.25");
  EXPECT_EQ(to_text(*find_value(r.parameters, "dgemm_rate_n")), "512");
  EXPECT_EQ(to_text(*find_value(r.parameters, "dgemm_rate_reps")), "3");
  EXPECT_EQ(to_text(*find_value(r.parameters, "dgemm_rate_min_seconds")), "0.25");
}

// Low on a matrix that fills a good share of memory: a trust warning naming the case. Low
// on a small or --quick one: expected, said beside the figure, no warning. Not low: nothing.
TEST(DgemmEfficiency, WarnsOnlyWhereALowShareMeansSomething) {
  const EfficiencyVerdict big_low = judge_efficiency("N=40000 NB=192 2x2", 31.4, 0.6, false);
  EXPECT_TRUE(contains(big_low.warning, "hpl N=40000 NB=192 2x2 reached 31.4 % of the DGEMM rate")) << big_low.warning;
  EXPECT_TRUE(contains(big_low.warning, "under the 50 %")) << big_low.warning;
  EXPECT_TRUE(contains(big_low.warning, "filling 60 % of memory")) << big_low.warning;
  EXPECT_EQ(big_low.note, "");

  const EfficiencyVerdict small_low = judge_efficiency("N=2000 NB=192 2x2", 12, 0.01, false);
  EXPECT_EQ(small_low.warning, "");
  EXPECT_TRUE(contains(small_low.note, "N fills 1 % of memory, under the 25 % bramble judges")) << small_low.note;
  EXPECT_TRUE(contains(small_low.note, "expected to be low at this size")) << small_low.note;

  const EfficiencyVerdict quick_low = judge_efficiency("N=5952 NB=192 1x2", 20, 0.9, true);
  EXPECT_EQ(quick_low.warning, "");
  EXPECT_TRUE(contains(quick_low.note, "--quick")) << quick_low.note;

  const EfficiencyVerdict good = judge_efficiency("N=40000 NB=192 2x2", 78, 0.6, false);
  EXPECT_EQ(good.warning, "");
  EXPECT_EQ(good.note, "");
  EXPECT_EQ(judge_efficiency("x", 50, 0.6, false).warning, "");  // the threshold itself passes
  EXPECT_NE(judge_efficiency("x", 49.9, 0.25, false).warning, "");
  EXPECT_EQ(judge_efficiency("x", std::nan(""), 0.6, false).warning, "");  // not measured
  const EfficiencyVerdict over = judge_efficiency("x", 181, 0.6, false);  // a disturbed DGEMM measurement
  EXPECT_EQ(over.warning, "");
  EXPECT_TRUE(contains(over.note, "the DGEMM rate was measured low")) << over.note;
}

}  // namespace
}  // namespace bramble
