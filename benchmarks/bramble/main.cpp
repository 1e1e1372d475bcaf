// bramble: one executable, subcommands for everything. Run it under mpirun (or srun);
// started alone it is a one-rank job.
#include "cli.hpp"
#include "core/mpi_session.hpp"

int main(int argc, char** argv) {
  bramble::MpiSession mpi(argc, argv);
  return bramble::run_cli(argc, argv);
}
