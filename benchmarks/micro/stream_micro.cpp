// STREAM's four kernels on one core, node-local, with Google Benchmark: far beyond cache
// (20M elements: 3 x 160 MB, memory bandwidth) and in cache (4096 elements: 3 x 32 KiB, the
// core's load/store rate). bytes_per_second uses STREAM's accounting (16/16/24/24 bytes per
// element; write-allocate traffic not counted), so the large size is comparable with
// `bramble run stream` at one rank, which allocates its arrays the same way.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "stream/stream.hpp"

namespace {

using bramble::stream::Op;

template <Op op>
void BM_Stream(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  bramble::stream::Arrays x(n);
  bramble::stream::initialise(x.a.get(), x.b.get(), x.c.get(), n);
  for (auto _ : state) {
    bramble::stream::run(op, x.a.get(), x.b.get(), x.c.get(), bramble::stream::kScalar, n);
    benchmark::ClobberMemory();
  }
  // One kernel repeated reads inputs it never changes, so every pass writes the same finite
  // values: no overflow, no denormals, timings independent of the pass count.
  benchmark::DoNotOptimize(x.a.get());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          bramble::stream::bytes_moved(op, static_cast<std::int64_t>(n)));
}

constexpr std::int64_t kInCache = 4096;            // 96 KiB for the three arrays: L2
constexpr std::int64_t kBeyondCache = 20'000'000;  // 480 MB for the three arrays

BENCHMARK(BM_Stream<Op::copy>)->Name("stream/copy")->Arg(kInCache)->Arg(kBeyondCache);
BENCHMARK(BM_Stream<Op::scale>)->Name("stream/scale")->Arg(kInCache)->Arg(kBeyondCache);
BENCHMARK(BM_Stream<Op::add>)->Name("stream/add")->Arg(kInCache)->Arg(kBeyondCache);
BENCHMARK(BM_Stream<Op::triad>)->Name("stream/triad")->Arg(kInCache)->Arg(kBeyondCache);

}  // namespace
