// Node-local pieces of the LU kernel, one rank: the trailing-update DGEMM at several NB
// (the operation HPL spends ~all its time in) and the recursive panel factorisation.
// Gflops are reported as counters.
#include <benchmark/benchmark.h>
#include <cblas.h>
#include <mpi.h>

#include <vector>

#include "hpl/matrix_generator.hpp"
#include "hpl/panel_factor.hpp"

namespace {

// C(m x n) -= A(m x nb) B(nb x n): one trailing update of an m x n block by a panel of NB.
void BM_TrailingUpdateDgemm(benchmark::State& state) {
  const int nb = static_cast<int>(state.range(0)), m = 4000, n = 2000;
  std::vector<double> a(std::size_t(m) * nb, 0.5), b(std::size_t(nb) * n, 0.25), c(std::size_t(m) * n, 1.0);
  for (auto _ : state) {
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, nb, -1.0, a.data(), m, b.data(), nb,
                1.0, c.data(), m);
    benchmark::ClobberMemory();
  }
  state.counters["Gflops"] = benchmark::Counter(2.0 * m * n * nb * double(state.iterations()) * 1e-9,
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TrailingUpdateDgemm)->Arg(64)->Arg(128)->Arg(192)->Arg(256)->Arg(384)->Unit(benchmark::kMillisecond);

// Recursive LU with partial pivoting of an m x NB panel on one process.
void BM_PanelFactor(benchmark::State& state) {
  const int nb = static_cast<int>(state.range(0));
  const std::int64_t m = 8000;
  bramble::hpl::BlockCyclic rows{m, nb, 1, 0};
  std::vector<double> original(std::size_t(m) * nb), panel, top(std::size_t(nb) * nb);
  for (std::int64_t j = 0; j < nb; ++j)
    for (std::int64_t i = 0; i < m; ++i) original[i + j * m] = bramble::hpl::system_entry(1, i, j);
  std::vector<std::int64_t> ipiv(static_cast<std::size_t>(nb));
  for (auto _ : state) {
    state.PauseTiming();
    panel = original;
    state.ResumeTiming();
    bramble::hpl::Panel p{panel.data(), m, m, nb, 0, 0, &rows, MPI_COMM_SELF, 0};
    benchmark::DoNotOptimize(bramble::hpl::factor_panel(p, top.data(), ipiv.data()));
  }
  const double flops = double(m) * nb * nb - double(nb) * nb * nb / 3.0;
  state.counters["Gflops"] = benchmark::Counter(flops * double(state.iterations()) * 1e-9,
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PanelFactor)->Arg(64)->Arg(128)->Arg(192)->Arg(256)->Unit(benchmark::kMillisecond);

}  // namespace
