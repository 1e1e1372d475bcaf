// Node-local sweep of the stencil variants on one rank: one update of the whole grid per
// iteration (no halo exchange), grids far larger than cache. Reports updates/s and bytes/s
// in STREAM accounting (16 bytes per update), so the figures compare with STREAM triad.
#include <benchmark/benchmark.h>
#include <mpi.h>

#include <utility>
#include <vector>

#include "stencil/box.hpp"
#include "stencil/heat_mode.hpp"
#include "stencil/update.hpp"

namespace {

using bramble::stencil::Domain;
using bramble::stencil::Extent;

void BM_StencilSweep(benchmark::State& state) {
  const int dims = static_cast<int>(state.range(0)), radius = static_cast<int>(state.range(1));
  const std::int64_t n = state.range(2);
  const Extent global = dims == 2 ? Extent{n, n, 1} : Extent{n, n, n};
  Domain d(MPI_COMM_SELF, dims, global, radius);
  const auto k = bramble::stencil::make_coefficients(dims, radius);
  std::vector<double> a(d.array_size()), b(d.array_size(), 0.0);
  bramble::stencil::set_mode(d, a.data());
  const auto box = bramble::stencil::whole(d);
  for (auto _ : state) {
    bramble::stencil::update_box(d, k, a.data(), b.data(), box);
    std::swap(a, b);
    benchmark::ClobberMemory();
  }
  const double updates = double(box.points()) * double(state.iterations());
  state.SetItemsProcessed(static_cast<std::int64_t>(updates));
  state.SetBytesProcessed(static_cast<std::int64_t>(updates * k.bytes_per_update()));
  state.counters["Gflops"] =
      benchmark::Counter(updates * k.flops_per_update() * 1e-9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StencilSweep)
    ->ArgNames({"dims", "radius", "n"})
    ->Args({2, 1, 4096})->Args({2, 2, 4096})->Args({2, 3, 4096})->Args({2, 4, 4096})
    ->Args({2, 1, 512})  // in cache
    ->Args({3, 1, 256})->Args({3, 2, 256})
    ->Unit(benchmark::kMillisecond);

}  // namespace
