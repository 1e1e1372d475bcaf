#include "stream/stream.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>
#include <numeric>

namespace bramble::stream {

// Plain loops without `restrict`. At -O3 (the release preset) GCC and Clang vectorise every
// one, guarding the vector loop with one overlap test of the pointers, which costs nothing
// next to a pass over memory. `restrict` would let GCC turn copy into a call to memcpy, and
// glibc's memcpy switches to non-temporal stores for large sizes: no longer STREAM's copy.
// (GCC 12 at -O2, the ci preset, vectorises none of them: its cheap cost model refuses the
// overlap test. Far beyond cache that hardly matters; memory, not the core, is the limit.)

void FreeDeleter::operator()(double* p) const { std::free(p); }

AlignedArray allocate_array(std::size_t n) {
  constexpr std::size_t kAlign = 64;
  if (n > (std::numeric_limits<std::size_t>::max() - kAlign) / sizeof(double)) throw std::bad_alloc();
  // aligned_alloc wants a multiple of the alignment; n = 0 still gets a pointer of its own.
  const std::size_t bytes = (n * sizeof(double) + kAlign - 1) / kAlign * kAlign;
  void* p = std::aligned_alloc(kAlign, std::max(bytes, kAlign));
  if (!p) throw std::bad_alloc();
  return AlignedArray(static_cast<double*>(p));
}

void initialise(double* a, double* b, double* c, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    a[j] = 1.0;
    b[j] = 2.0;
    c[j] = 0.0;
  }
  for (std::size_t j = 0; j < n; ++j) a[j] = 2.0 * a[j];
}

void copy(const double* a, double* c, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) c[j] = a[j];
}

void scale(double* b, const double* c, double s, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) b[j] = s * c[j];
}

void add(const double* a, const double* b, double* c, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) c[j] = a[j] + b[j];
}

void triad(double* a, const double* b, const double* c, double s, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) a[j] = b[j] + s * c[j];
}

void run(Op op, double* a, double* b, double* c, double s, std::size_t n) {
  switch (op) {
    case Op::copy: copy(a, c, n); break;
    case Op::scale: scale(b, c, s, n); break;
    case Op::add: add(a, b, c, n); break;
    case Op::triad: triad(a, b, c, s, n); break;
  }
}

Values expected_values(int sequences, double s) {
  // Every element follows the same recurrence, so one scalar of each array stands for all.
  Values v{1.0, 2.0, 0.0};
  v.a = 2.0 * v.a;
  for (int k = 0; k < sequences; ++k) {
    v.c = v.a;
    v.b = s * v.c;
    v.c = v.a + v.b;
    v.a = v.b + s * v.c;
  }
  return v;
}

namespace {
double avg_rel_error(const double* x, std::size_t n, double expected) {
  if (n == 0) return 0.0;
  double sum = 0.0;
  for (std::size_t j = 0; j < n; ++j) sum += std::abs(x[j] - expected);
  const double avg = sum / static_cast<double>(n);
  return expected != 0.0 ? avg / std::abs(expected) : avg;
}
}  // namespace

Errors check(const double* a, const double* b, const double* c, std::size_t n, int sequences, double s) {
  const Values v = expected_values(sequences, s);
  return {avg_rel_error(a, n, v.a), avg_rel_error(b, n, v.b), avg_rel_error(c, n, v.c)};
}

IterationStats together(const Timings& t, Op op, const std::vector<int>& ranks) {
  if (ranks.empty() || t.iterations <= 0) return {};
  IterationStats s{std::numeric_limits<double>::infinity(), 0.0, 0.0};
  for (int i = 0; i < t.iterations; ++i) {
    double slowest = 0;
    for (int r : ranks) slowest = std::max(slowest, t.at(r, i, op));
    s.best = std::min(s.best, slowest);
    s.mean += slowest / t.iterations;
    s.worst = std::max(s.worst, slowest);
  }
  return s;
}

IterationStats together(const Timings& t, Op op) {
  std::vector<int> all(static_cast<std::size_t>(std::max(t.ranks, 0)));
  std::iota(all.begin(), all.end(), 0);
  return together(t, op, all);
}

}  // namespace bramble::stream
