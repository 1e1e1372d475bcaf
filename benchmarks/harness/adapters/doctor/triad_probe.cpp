// The triad probe (probes.hpp), with STREAM's own kernel and byte count.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <limits>

#include "adapters/doctor/probes.hpp"
#include "stream/stream.hpp"

namespace bramble::doctor {
namespace {

constexpr std::int64_t kMinElements = 2'000'000;  // 16 MB per array: well past a Pi's 1-2 MiB cache
// 128 MiB per array at most: a VM may report its host's whole L3 (hundreds of MiB), of which
// one core reaches a slice, and the doctor must stay quick and small on every node.
constexpr std::int64_t kMaxElements = std::int64_t{16} << 20;

std::int64_t last_level_cache_bytes() {
  for (int name : {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE}) {
    const long bytes = ::sysconf(name);
    if (bytes > 0) return bytes;
  }
  return 0;  // unknown (glibc on ARM often cannot tell): the minimum covers a Pi's caches
}

}  // namespace

std::int64_t triad_elements() {
  return std::clamp(4 * last_level_cache_bytes() / std::int64_t(sizeof(double)), kMinElements, kMaxElements);
}

TriadFigures triad_probe(std::int64_t n, int iterations) {
  const auto count = static_cast<std::size_t>(n);
  stream::Arrays x(count);
  std::fill_n(x.a.get(), count, 0.0);  // first touch of every page, before any timing
  std::fill_n(x.b.get(), count, 2.0);
  std::fill_n(x.c.get(), count, 1.0);
  double best = std::numeric_limits<double>::infinity();
  for (int k = 0; k <= iterations; ++k) {  // k == 0: untimed, as in STREAM
    const auto t0 = std::chrono::steady_clock::now();
    stream::triad(x.a.get(), x.b.get(), x.c.get(), stream::kScalar, count);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    if (k > 0) best = std::min(best, took.count());
  }
  const double expected = 2.0 + stream::kScalar * 1.0;
  const auto wrong = std::count_if(x.a.get(), x.a.get() + count, [&](double v) { return v != expected; });
  return {double(stream::bytes_moved(stream::Op::triad, n)) / best / 1e9, double(wrong)};
}

}  // namespace bramble::doctor
