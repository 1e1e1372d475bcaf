// Google Benchmark's main, inside MPI_Init/MPI_Finalize: the kernels' node-local pieces
// use MPI types (communicators, MPI_COMM_SELF) even on one rank.
#include <benchmark/benchmark.h>
#include <mpi.h>

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  benchmark::Initialize(&argc, argv);
  if (!benchmark::ReportUnrecognizedArguments(argc, argv)) benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  MPI_Finalize();
  return 0;
}
