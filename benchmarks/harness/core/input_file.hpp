#pragma once
// Input files (HPL.dat, scenes) named on the command line may exist only on the node where
// the job was launched. Rank 0 reads them and sends the text to every rank; a missing or
// unreadable file is one agreed error, not a different fate on each node.
#include <mpi.h>

#include <string>

namespace bramble {

// Collective. `what` names the file's role in the error message ("HPL.dat file").
std::string read_on_rank0(MPI_Comm comm, const std::string& path, const std::string& what);

}  // namespace bramble
