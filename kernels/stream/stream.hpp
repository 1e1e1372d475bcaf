#pragma once
// STREAM (McCalpin's sustainable memory bandwidth benchmark), the algorithm alone: the four
// kernels over three arrays, STREAM's initialisation, its byte accounting and its check.
// No timers, files or MPI here; the harness (benchmarks/harness/adapters/stream/) times them
// and hands the times back to `together` below. kernels/stream/README.md explains the figures.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace bramble::stream {

// STREAM's scalar for scale and triad.
inline constexpr double kScalar = 3.0;

// STREAM's tolerance for double arrays: the average relative error of each array must stay
// below it. The recurrence is exact in exact arithmetic, so only rounding can differ from
// the scalar replay, and rounding of a handful of operations is far below 1e-13.
inline constexpr double kThreshold = 1e-13;

// The most sequences (iterations) a block can run and still be verified. Each sequence
// multiplies a by 15 (c = a, b = 3c, c = a + b = 4a, a = b + 3c = 15a), from a = 2, so a
// reaches 2 x 15^261, about 1.8e307, after 261 and overflows to infinity at 262: a run of 262
// or more always FAILS. Below the overflow the arrays and the scalar replay round alike (the
// same operations, no FMA), so 261 verifies; tests/test_stream.cpp checks both sides.
inline constexpr int kMaxSequences = 261;

// The four kernels, in the order STREAM runs them in each iteration.
enum class Op : int { copy = 0, scale = 1, add = 2, triad = 3 };
inline constexpr int kOpCount = 4;
inline constexpr std::array<Op, kOpCount> kOps{Op::copy, Op::scale, Op::add, Op::triad};
inline constexpr std::array<const char*, kOpCount> kOpNames{"copy", "scale", "add", "triad"};

// STREAM counts the words a kernel names: one load + one store for copy and scale, two loads
// + one store for add and triad. It does not count the extra read of each stored line that a
// write-allocate cache performs (see README), so the figures are comparable with STREAM's.
constexpr int words_per_element(Op op) { return (op == Op::copy || op == Op::scale) ? 2 : 3; }
constexpr std::int64_t bytes_per_element(Op op) {
  return words_per_element(op) * static_cast<std::int64_t>(sizeof(double));
}
constexpr std::int64_t bytes_moved(Op op, std::int64_t n) { return bytes_per_element(op) * n; }

// Memory the three arrays of n doubles occupy.
constexpr std::int64_t array_bytes(std::int64_t n) { return 3 * n * static_cast<std::int64_t>(sizeof(double)); }

// STREAM's three arrays of n doubles, each 64-byte aligned (a cache line, and any vector
// width) so that every rank's loops start on a line boundary. Left uninitialised, so that
// the first touch of every page is initialise()'s, as in STREAM. Throws std::bad_alloc.
struct FreeDeleter {
  void operator()(double* p) const;
};
using AlignedArray = std::unique_ptr<double[], FreeDeleter>;
AlignedArray allocate_array(std::size_t n);

struct Arrays {
  Arrays() = default;
  explicit Arrays(std::size_t count)
      : a(allocate_array(count)), b(allocate_array(count)), c(allocate_array(count)), n(count) {}
  AlignedArray a, b, c;
  std::size_t n = 0;
};

// a = 1, b = 2, c = 0, then a = 2 a: STREAM's starting values (its a = 2 a pass doubles as a
// first touch of every page of a before timing starts).
void initialise(double* a, double* b, double* c, std::size_t n);

// The kernels. Plain loops: the compiler vectorises them; stores are ordinary (cached)
// stores, never non-temporal ones.
void copy(const double* a, double* c, std::size_t n);                             // c = a
void scale(double* b, const double* c, double s, std::size_t n);                  // b = s c
void add(const double* a, const double* b, double* c, std::size_t n);             // c = a + b
void triad(double* a, const double* b, const double* c, double s, std::size_t n);  // a = b + s c

// Runs one kernel on STREAM's arrays, as STREAM assigns them.
void run(Op op, double* a, double* b, double* c, double s, std::size_t n);

// The value every element of a, b and c holds after `sequences` runs of copy, scale, add,
// triad (in that order) from the initial values: the scalar recurrence replayed.
struct Values {
  double a = 0, b = 0, c = 0;
};
Values expected_values(int sequences, double s = kScalar);

// Average relative error of each array against expected_values: mean over j of
// |x[j] - x_expected|, divided by |x_expected| (by 1 where the expected value is 0, i.e. c
// before any sequence). NaN or infinite elements give a NaN or infinite error.
struct Errors {
  double a = 0, b = 0, c = 0;
};
Errors check(const double* a, const double* b, const double* c, std::size_t n, int sequences,
             double s = kScalar);

// All three errors below the threshold. Written so that a NaN error fails.
inline bool passes(const Errors& e, double threshold = kThreshold) {
  return e.a < threshold && e.b < threshold && e.c < threshold;
}

// Every rank's time for every kernel in every timed iteration, laid out as MPI_Allgather
// leaves each rank's iteration-major table: seconds[(rank * iterations + i) * kOpCount + op].
struct Timings {
  int ranks = 0;
  int iterations = 0;
  std::vector<double> seconds;
  double at(int rank, int iteration, Op op) const {
    const auto i = (static_cast<std::size_t>(rank) * static_cast<std::size_t>(iterations) +
                    static_cast<std::size_t>(iteration)) * kOpCount;
    return seconds[i + static_cast<std::size_t>(op)];
  }
};

// Best, mean and worst over the timed iterations of the time one kernel took the given ranks
// together. Within an iteration the ranks start behind one barrier, so their time together
// is the slowest one's; taking each rank's own best first instead would combine iterations
// the ranks never ran at the same time, and overstate the rate. STREAM's MPI version
// (stream_mpi.c) reduces in this order too. All zero when there are no ranks or iterations.
struct IterationStats {
  double best = 0, mean = 0, worst = 0;
};
IterationStats together(const Timings& t, Op op, const std::vector<int>& ranks);
IterationStats together(const Timings& t, Op op);  // all ranks

}  // namespace bramble::stream
