// STREAM: the kernels, STREAM's check (which must also be able to fail), its byte accounting,
// the harness's sizing, and a whole `stream` run on every rank.
#include <gtest/gtest.h>
#include <mpi.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "stream/stream.hpp"
#include "adapters/stream/stream_kernel.hpp"
#include "context/topology.hpp"

namespace bramble {
namespace {

namespace st = stream;

// Small arrays with distinct, exactly representable values, so results compare exactly.
struct Small {
  explicit Small(std::size_t n) : a(n), b(n), c(n) {
    for (std::size_t j = 0; j < n; ++j) {
      a[j] = 0.5 * double(j) + 1.0;
      b[j] = 2.0 * double(j) - 7.0;
      c[j] = -0.25 * double(j);
    }
  }
  std::vector<double> a, b, c;
};

// 13: not a multiple of any vector width, so the loops' tails run too.
constexpr std::size_t kSmallN = 13;

TEST(StreamKernels, CopyScaleAddTriadComputeWhatTheySay) {
  {
    Small x(kSmallN), before(kSmallN);
    st::copy(x.a.data(), x.c.data(), kSmallN);
    EXPECT_EQ(x.c, before.a);
    EXPECT_EQ(x.a, before.a);
    EXPECT_EQ(x.b, before.b);
  }
  {
    Small x(kSmallN), before(kSmallN);
    st::scale(x.b.data(), x.c.data(), st::kScalar, kSmallN);
    for (std::size_t j = 0; j < kSmallN; ++j) EXPECT_EQ(x.b[j], 3.0 * before.c[j]) << j;
    EXPECT_EQ(x.c, before.c);
  }
  {
    Small x(kSmallN), before(kSmallN);
    st::add(x.a.data(), x.b.data(), x.c.data(), kSmallN);
    for (std::size_t j = 0; j < kSmallN; ++j) EXPECT_EQ(x.c[j], before.a[j] + before.b[j]) << j;
    EXPECT_EQ(x.a, before.a);
    EXPECT_EQ(x.b, before.b);
  }
  {
    Small x(kSmallN), before(kSmallN);
    st::triad(x.a.data(), x.b.data(), x.c.data(), st::kScalar, kSmallN);
    for (std::size_t j = 0; j < kSmallN; ++j) EXPECT_EQ(x.a[j], before.b[j] + 3.0 * before.c[j]) << j;
    EXPECT_EQ(x.b, before.b);
    EXPECT_EQ(x.c, before.c);
  }
}

TEST(StreamKernels, RunDispatchesEachOpToItsArrays) {
  Small x(kSmallN), before(kSmallN);
  st::run(st::Op::copy, x.a.data(), x.b.data(), x.c.data(), st::kScalar, kSmallN);
  EXPECT_EQ(x.c, before.a);  // c = a
  st::run(st::Op::scale, x.a.data(), x.b.data(), x.c.data(), st::kScalar, kSmallN);
  for (std::size_t j = 0; j < kSmallN; ++j) EXPECT_EQ(x.b[j], 3.0 * before.a[j]);  // b = s c
  st::run(st::Op::add, x.a.data(), x.b.data(), x.c.data(), st::kScalar, kSmallN);
  for (std::size_t j = 0; j < kSmallN; ++j) EXPECT_EQ(x.c[j], 4.0 * before.a[j]);  // c = a + b
  st::run(st::Op::triad, x.a.data(), x.b.data(), x.c.data(), st::kScalar, kSmallN);
  for (std::size_t j = 0; j < kSmallN; ++j) EXPECT_EQ(x.a[j], 15.0 * before.a[j]);  // a = b + s c
}

TEST(StreamKernels, ZeroLengthTouchesNothing) {
  double a = 5, b = 6, c = 7;
  for (st::Op op : st::kOps) st::run(op, &a, &b, &c, st::kScalar, 0);
  EXPECT_EQ(a, 5);
  EXPECT_EQ(b, 6);
  EXPECT_EQ(c, 7);
}

TEST(StreamKernels, InitialiseAsStream) {
  std::vector<double> a(kSmallN, -1), b(kSmallN, -1), c(kSmallN, -1);
  st::initialise(a.data(), b.data(), c.data(), kSmallN);
  for (std::size_t j = 0; j < kSmallN; ++j) {
    EXPECT_EQ(a[j], 2.0);
    EXPECT_EQ(b[j], 2.0);
    EXPECT_EQ(c[j], 0.0);
  }
}

TEST(StreamKernels, ArraysAreCacheLineAligned) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, kSmallN, std::size_t{1000}}) {
    st::Arrays x(n);
    EXPECT_EQ(x.n, n);
    for (const double* p : {x.a.get(), x.b.get(), x.c.get()}) {
      ASSERT_NE(p, nullptr);
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 64, 0u) << n;
    }
    st::initialise(x.a.get(), x.b.get(), x.c.get(), n);
    for (st::Op op : st::kOps) st::run(op, x.a.get(), x.b.get(), x.c.get(), st::kScalar, n);
    EXPECT_TRUE(st::passes(st::check(x.a.get(), x.b.get(), x.c.get(), n, 1)));
  }
  EXPECT_THROW(st::allocate_array(std::numeric_limits<std::size_t>::max() / 4), std::bad_alloc);
}

TEST(StreamCheck, ExpectedValuesFollowTheRecurrence) {
  const st::Values v0 = st::expected_values(0);
  EXPECT_EQ(v0.a, 2.0);
  EXPECT_EQ(v0.b, 2.0);
  EXPECT_EQ(v0.c, 0.0);
  // c = a = 2; b = 3 c = 6; c = a + b = 8; a = b + 3 c = 30.
  const st::Values v1 = st::expected_values(1);
  EXPECT_EQ(v1.a, 30.0);
  EXPECT_EQ(v1.b, 6.0);
  EXPECT_EQ(v1.c, 8.0);
  const st::Values v2 = st::expected_values(2);
  EXPECT_EQ(v2.a, 450.0);  // each sequence multiplies a by 15
  EXPECT_EQ(v2.b, 90.0);
  EXPECT_EQ(v2.c, 120.0);
}

// Runs `k` sequences of the four kernels on STREAM's arrays.
struct Arrays {
  explicit Arrays(std::size_t n) : a(n), b(n), c(n) { st::initialise(a.data(), b.data(), c.data(), n); }
  void sequences(int k) {
    for (int i = 0; i < k; ++i)
      for (st::Op op : st::kOps) st::run(op, a.data(), b.data(), c.data(), st::kScalar, a.size());
  }
  st::Errors check(int k) const { return st::check(a.data(), b.data(), c.data(), a.size(), k); }
  std::vector<double> a, b, c;
};

TEST(StreamCheck, PassesAfterKSequences) {
  for (int k : {0, 1, 2, 5, 10, 20}) {
    Arrays x(1000);
    x.sequences(k);
    const st::Errors e = x.check(k);
    EXPECT_TRUE(st::passes(e)) << "k=" << k << " errors " << e.a << " " << e.b << " " << e.c;
    EXPECT_LT(e.a, st::kThreshold);
  }
}

// `a` grows 15-fold per sequence and overflows to infinity at 262, so --stream-iterations
// stops at 261: the largest count whose expected values are finite, and it verifies.
TEST(StreamCheck, TheLargestIterationCountVerifies) {
  EXPECT_EQ(st::kMaxSequences, 261);
  EXPECT_TRUE(std::isfinite(st::expected_values(st::kMaxSequences).a));
  EXPECT_FALSE(std::isfinite(st::expected_values(st::kMaxSequences + 1).a));
  Arrays x(1000);
  x.sequences(st::kMaxSequences);
  const st::Errors e = x.check(st::kMaxSequences);
  EXPECT_TRUE(st::passes(e)) << "errors " << e.a << " " << e.b << " " << e.c;
}

TEST(StreamCheck, FailsWhenOneElementOfAIsPerturbed) {
  const int k = 3;
  Arrays x(1000);
  x.sequences(k);
  ASSERT_TRUE(st::passes(x.check(k)));
  // One element off by one part in 1e6: the average over 1000 elements is 1e-9, far above
  // the threshold; b and c stay clean, so the failure is a's alone.
  x.a[517] *= 1.0 + 1e-6;
  const st::Errors e = x.check(k);
  EXPECT_FALSE(st::passes(e));
  EXPECT_GT(e.a, st::kThreshold);
  EXPECT_NEAR(e.a, 1e-6 / 1000, 1e-12);
  EXPECT_LT(e.b, st::kThreshold);
  EXPECT_LT(e.c, st::kThreshold);
}

TEST(StreamCheck, FailsOnAWrongSequenceCountAndOnNaN) {
  Arrays x(100);
  x.sequences(4);
  EXPECT_FALSE(st::passes(x.check(3)));
  EXPECT_FALSE(st::passes(x.check(5)));
  x.c[10] = std::numeric_limits<double>::quiet_NaN();
  const st::Errors e = x.check(4);
  EXPECT_TRUE(std::isnan(e.c));
  EXPECT_FALSE(st::passes(e));
}

TEST(StreamAccounting, BytesPerElementAsStreamCountsThem) {
  EXPECT_EQ(st::words_per_element(st::Op::copy), 2);
  EXPECT_EQ(st::words_per_element(st::Op::scale), 2);
  EXPECT_EQ(st::words_per_element(st::Op::add), 3);
  EXPECT_EQ(st::words_per_element(st::Op::triad), 3);
  EXPECT_EQ(st::bytes_per_element(st::Op::copy), 16);
  EXPECT_EQ(st::bytes_per_element(st::Op::scale), 16);
  EXPECT_EQ(st::bytes_per_element(st::Op::add), 24);
  EXPECT_EQ(st::bytes_per_element(st::Op::triad), 24);
  EXPECT_EQ(st::bytes_moved(st::Op::triad, 10'000'000), 240'000'000);
  EXPECT_EQ(st::array_bytes(10'000'000), 240'000'000);
  EXPECT_STREQ(st::kOpNames[static_cast<std::size_t>(st::Op::add)], "add");
}

// A made-up time table: times[rank][iteration] for triad, every other kernel 1 s.
st::Timings triad_table(const std::vector<std::vector<double>>& times) {
  st::Timings t;
  t.ranks = static_cast<int>(times.size());
  t.iterations = static_cast<int>(times.front().size());
  for (const auto& rank : times)
    for (double triad : rank) t.seconds.insert(t.seconds.end(), {1.0, 1.0, 1.0, triad});
  return t;
}

TEST(StreamFigures, SlowestRankPerIterationThenBestIteration) {
  // Each rank is fast in a different iteration: no iteration had both ranks fast.
  const st::Timings t = triad_table({{1.0, 4.0, 3.0},    // rank 0: best in iteration 0
                                     {4.0, 1.0, 2.5}});  // rank 1: best in iteration 1
  EXPECT_EQ(t.at(1, 2, st::Op::triad), 2.5);
  EXPECT_EQ(t.at(1, 2, st::Op::add), 1.0);
  const st::IterationStats s = st::together(t, st::Op::triad);
  EXPECT_EQ(s.best, 3.0);  // iterations take 4, 4, 3 s together
  EXPECT_EQ(s.worst, 4.0);
  EXPECT_DOUBLE_EQ(s.mean, 11.0 / 3.0);
  // The former formula (slowest of the ranks' own best times) claims 1 s: three times the
  // rate the two ranks ever sustained together.
  double old_formula = 0;
  for (int r = 0; r < t.ranks; ++r) {
    double own = std::numeric_limits<double>::infinity();
    for (int i = 0; i < t.iterations; ++i) own = std::min(own, t.at(r, i, st::Op::triad));
    old_formula = std::max(old_formula, own);
  }
  EXPECT_EQ(old_formula, 1.0);
  const double bytes = 2.0 * double(st::bytes_moved(st::Op::triad, 1000));
  EXPECT_GT(bytes / old_formula, bytes / s.best);
}

TEST(StreamFigures, ANodeIsItsOwnRanksTogether) {
  const st::Timings t = triad_table({{1.0, 4.0}, {2.0, 3.0}, {9.0, 9.0}});
  EXPECT_EQ(st::together(t, st::Op::triad, {0, 1}).best, 2.0);
  EXPECT_EQ(st::together(t, st::Op::triad, {1}).best, 2.0);
  EXPECT_EQ(st::together(t, st::Op::triad, {2}).best, 9.0);
  EXPECT_EQ(st::together(t, st::Op::triad).best, 9.0);
  EXPECT_EQ(st::together(t, st::Op::copy).best, 1.0);
  EXPECT_EQ(st::together(t, st::Op::triad, {}).best, 0.0);
  EXPECT_EQ(st::together(st::Timings{2, 0, {}}, st::Op::triad).best, 0.0);
}

TEST(StreamSizing, ParsesSysfsCacheSizes) {
  EXPECT_EQ(parse_cache_size("32768K"), 32LL << 20);
  EXPECT_EQ(parse_cache_size("512K"), 512LL << 10);
  EXPECT_EQ(parse_cache_size("2M"), 2LL << 20);
  EXPECT_EQ(parse_cache_size("4096"), 4096);
  EXPECT_EQ(parse_cache_size(""), 0);
  EXPECT_EQ(parse_cache_size("big"), 0);
  EXPECT_EQ(parse_cache_size("12Q"), 0);
}

TEST(StreamSizing, LastLevelCacheIsTheHighestDataOrUnifiedLevel) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() /
                        ("bramble-stream-" + std::to_string(getpid()) + "-" + std::to_string(comm_rank(MPI_COMM_WORLD)));
  const fs::path cache = root / "sys/devices/system/cpu/cpu0/cache";
  auto index = [&](int i, const char* level, const char* type, const char* size) {
    const fs::path d = cache / ("index" + std::to_string(i));
    fs::create_directories(d);
    std::ofstream(d / "level") << level << '\n';
    std::ofstream(d / "type") << type << '\n';
    std::ofstream(d / "size") << size << '\n';
  };
  index(0, "1", "Data", "32K");
  index(1, "1", "Instruction", "64K");
  index(2, "2", "Unified", "4096K");
  index(3, "3", "Unified", "1024K");  // a smaller L3 is still the last level
  EXPECT_EQ(sysfs_last_level_cache_bytes(root.string()), 1024LL << 10);
  fs::remove_all(cache / "index3");
  EXPECT_EQ(sysfs_last_level_cache_bytes(root.string()), 4096LL << 10);
  const LastLevelCache llc = last_level_cache(root.string(), [](int) { return 64L << 20; });
  EXPECT_EQ(llc.bytes, 4096LL << 10);  // sysfs wins over sysconf
  EXPECT_EQ(llc.source, "sysfs");
  fs::remove_all(root);
  EXPECT_EQ(sysfs_last_level_cache_bytes(root.string()), 0);
}

// A root with /sys but no cpu0/cache directory, as on some VMs.
std::string root_without_cache() {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("bramble-stream-nocache-" + std::to_string(getpid()) + "-" +
                                                     std::to_string(comm_rank(MPI_COMM_WORLD)));
  fs::create_directories(root / "sys/devices/system/cpu/cpu0");
  return root.string();
}

TEST(StreamSizing, WithoutSysfsCacheFallsBackToSysconfL3ThenL2) {
  const std::string root = root_without_cache();
  LastLevelCache llc = last_level_cache(root, [](int name) { return name == _SC_LEVEL3_CACHE_SIZE ? 32L << 20 : 1L << 20; });
  EXPECT_EQ(llc.bytes, 32LL << 20);
  EXPECT_EQ(llc.source, "sysconf");
  llc = last_level_cache(root, [](int name) { return name == _SC_LEVEL3_CACHE_SIZE ? 0L : 2L << 20; });
  EXPECT_EQ(llc.bytes, 2LL << 20);
  EXPECT_EQ(llc.source, "sysconf");
  llc = last_level_cache(root, [](int) { return -1L; });  // sysconf's "not known"
  EXPECT_EQ(llc.bytes, 0);
  EXPECT_EQ(llc.source, "unknown");
  // This machine's own sysconf, whatever it knows.
  const long l3 = sysconf(_SC_LEVEL3_CACHE_SIZE), l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
  llc = last_level_cache(root, ::sysconf);
  EXPECT_EQ(llc.bytes, l3 > 0 ? l3 : l2 > 0 ? l2 : 0);
  EXPECT_EQ(llc.source, l3 > 0 || l2 > 0 ? "sysconf" : "unknown");
  std::filesystem::remove_all(root);
}

TEST(StreamSizing, DefaultNFromCacheWithFloorsAndMemoryCap) {
  const std::int64_t mib = 1 << 20, unlimited = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(stream_default_n(32 * mib, unlimited, false), 4 * 32 * mib / 8);
  EXPECT_EQ(stream_default_n(1 * mib, unlimited, false), kStreamMinN);
  EXPECT_EQ(stream_default_n(0, unlimited, false), kStreamMinN);
  EXPECT_EQ(stream_default_n(1 * mib, unlimited, true), kStreamQuickMinN);
  EXPECT_EQ(stream_default_n(8 * mib, unlimited, true), 4 * mib);
  EXPECT_EQ(stream_default_n(32 * mib, 5'000'000, false), 5'000'000);
}

TEST(StreamSizing, MemoryCapFitsAndTooLargeNamesTheNode) {
  const Topology topology(MPI_COMM_WORLD);
  const std::int64_t cap = stream_max_n_by_memory(topology, kStreamMemFraction);
  ASSERT_GT(cap, 0);
  EXPECT_NO_THROW(check_stream_fits(topology, cap));
  const NodeInfo& node = topology.nodes().front();
  // The cap keeps the node's ranks within 40% of its available memory.
  EXPECT_LE(double(cap) * 24.0 * node.ranks, 0.4 * double(node.memory_available_bytes) + 1.0);
  const std::int64_t too_many = node.memory_available_bytes / 24 + 1;  // one rank alone cannot hold it
  try {
    check_stream_fits(topology, too_many);
    FAIL() << "check_stream_fits accepted N=" << too_many;
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("does not fit"), std::string::npos) << m;
    EXPECT_NE(m.find(node.hostname), std::string::npos) << m;
    EXPECT_NE(m.find("GiB"), std::string::npos) << m;
  }
}

// Parses `args` (in command-line order) for the kernel's subcommand.
void parse(Kernel& k, std::vector<std::string> args) {
  CLI::App app;
  auto* sub = app.add_subcommand("stream");
  k.add_options(*sub);
  args.insert(args.begin(), "stream");
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector reversed
  app.parse(std::move(args));
}

// A whole `bramble run stream ARGS` on every rank, without the suite: what it recorded.
std::optional<KernelResult> run_stream(const Topology& topology, std::vector<std::string> args) {
  std::optional<KernelResult> got;
  RunContext ctx;
  ctx.topology = &topology;
  ctx.record = [&](const KernelResult& r) { got = r; };
  StreamKernel k;
  parse(k, std::move(args));
  k.run(ctx);
  return got;
}

TEST(StreamOptions, BadValuesAreCommandLineErrors) {
  StreamKernel k;
  EXPECT_THROW(parse(k, {"--stream-iterations", "1"}), CLI::ValidationError);
  EXPECT_THROW(parse(k, {"--stream-iterations", "0"}), CLI::ValidationError);
  EXPECT_THROW(parse(k, {"--stream-iterations", "262"}), CLI::ValidationError);  // would overflow
  EXPECT_NO_THROW(parse(k, {"--stream-iterations", "261"}));
  EXPECT_THROW(parse(k, {"--stream-n", "0"}), CLI::ValidationError);
  EXPECT_THROW(parse(k, {"--stream-n", "-5"}), CLI::ValidationError);
  EXPECT_NO_THROW(parse(k, {"--stream-n", "100", "--stream-iterations", "2"}));
}

TEST(StreamRun, WholeRunOnEveryRank) {
  const Topology topology(MPI_COMM_WORLD);
  const int ranks = comm_size(MPI_COMM_WORLD);
  const std::optional<KernelResult> got = run_stream(topology, {"--stream-n", "20000", "--stream-iterations", "3"});
  ASSERT_TRUE(got.has_value());
  const KernelResult& r = *got;
  EXPECT_EQ(r.kernel, "stream");
  EXPECT_TRUE(r.passed) << r.verdict();
  EXPECT_EQ(r.problem, "N=20000/rank x " + std::to_string(ranks) + (ranks == 1 ? " rank" : " ranks"));
  EXPECT_GT(r.figure_of_merit, 0.0);
  EXPECT_TRUE(std::isfinite(r.figure_of_merit));
  EXPECT_EQ(r.unit, "GB/s");
  EXPECT_EQ(r.ranks, ranks);
  EXPECT_EQ(r.rep_seconds.size(), 2u);  // 3 iterations, the first untimed
  ASSERT_EQ(r.phase_names, (std::vector<std::string>{"copy", "scale", "add", "triad"}));
  ASSERT_EQ(r.phase_seconds.size(), static_cast<std::size_t>(ranks) * 4);
  for (double s : r.phase_seconds) EXPECT_GT(s, 0.0);
  // Each rank's own times summed over the timed iterations, never more than the windows.
  for (double s : r.phase_seconds) EXPECT_LE(s, r.rep_seconds[0] + r.rep_seconds[1]);

  auto figure = [&](const std::string& name) -> std::optional<double> {
    for (const auto& f : r.figures)
      if (f.name == name) return std::get<double>(f.value);
    return std::nullopt;
  };
  for (const char* name : {"copy_gbs", "scale_gbs", "add_gbs", "triad_gbs", "node0_triad_gbs"}) {
    ASSERT_TRUE(figure(name).has_value()) << name;
    EXPECT_GT(*figure(name), 0.0) << name;
  }
  EXPECT_EQ(*figure("triad_gbs"), r.figure_of_merit);
  for (int node = 0; node < topology.node_count(); ++node)
    EXPECT_TRUE(figure("node" + std::to_string(node) + "_triad_gbs").has_value());

  // Triad ran inside each timed window, so its best time together is within the shortest one.
  const double shortest = *std::min_element(r.rep_seconds.begin(), r.rep_seconds.end());
  EXPECT_GE(r.figure_of_merit, 24.0 * 20000 * ranks / shortest / 1e9 * (1 - 1e-12));

  // Per watt: all four kernels' bytes (16 + 16 + 24 + 24 per element) over every window.
  ASSERT_TRUE(r.phase_work.has_value());
  EXPECT_EQ(r.phase_work->name, "gbs_all_ops");
  EXPECT_EQ(r.phase_work->unit, "GB/s");
  double windows = 0;
  for (double w : r.rep_seconds) windows += w;
  EXPECT_NEAR(r.phase_work->rate, 80.0 * 20000 * ranks * 2 / windows / 1e9, 1e-9 * r.phase_work->rate);

  // Every rank recorded the same result.
  double lo = r.figure_of_merit, hi = r.figure_of_merit;
  MPI_Allreduce(MPI_IN_PLACE, &lo, 1, MPI_DOUBLE, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(MPI_IN_PLACE, &hi, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  EXPECT_EQ(lo, hi);

  bool saw_n = false;
  for (const auto& p : r.parameters)
    if (p.name == "n_per_rank") {
      saw_n = true;
      EXPECT_EQ(std::get<std::int64_t>(p.value), 20000);
    }
  EXPECT_TRUE(saw_n);
  bool saw_threshold = false;
  for (const auto& v : r.verification)
    if (v.name == "threshold") {
      saw_threshold = true;
      EXPECT_EQ(std::get<double>(v.value), 1e-13);
    }
  EXPECT_TRUE(saw_threshold);
}

TEST(StreamRun, EachNodeIsItsRanksTogether) {
  const Topology topology(MPI_COMM_WORLD, 1);  // every rank a node of its own
  const int ranks = comm_size(MPI_COMM_WORLD);
  const std::optional<KernelResult> got = run_stream(topology, {"--stream-n", "20000", "--stream-iterations", "4"});
  ASSERT_TRUE(got.has_value());
  const Value* total = find_value(got->figures, "triad_gbs");
  ASSERT_NE(total, nullptr);
  for (int node = 0; node < ranks; ++node) {
    const Value* mine = find_value(got->figures, "node" + std::to_string(node) + "_triad_gbs");
    ASSERT_NE(mine, nullptr) << node;
    // A node waits only for its own ranks, so its share is never below the total's.
    EXPECT_GE(std::get<double>(*mine) * (1 + 1e-12), std::get<double>(*total) / ranks) << node;
  }
  EXPECT_EQ(find_value(got->figures, "node" + std::to_string(ranks) + "_triad_gbs"), nullptr);
}

TEST(StreamRun, TooLargeNIsAnAgreedInputError) {
  const Topology topology(MPI_COMM_WORLD);
  RunContext ctx;
  ctx.topology = &topology;
  bool recorded = false;
  ctx.record = [&](const KernelResult&) { recorded = true; };
  StreamKernel k;
  parse(k, {"--stream-n", std::to_string(std::int64_t{1} << 40)});
  try {
    k.run(ctx);
    FAIL() << "a run that cannot fit did not throw";
  } catch (const AgreedError& e) {
    EXPECT_EQ(e.exit_code(), kExitInput);
    EXPECT_NE(std::string(e.what()).find("does not fit"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(recorded);
}

}  // namespace
}  // namespace bramble
